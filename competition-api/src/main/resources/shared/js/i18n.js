// The pages' two languages, Chinese (the default) and English: one mechanism for every page (the dashboard, the
// judges' page), each page bringing its own words. The choice comes from ?lang=zh|en, else from what the page kept in
// localStorage, else Chinese; it is kept again on every change, and is the Accept-Language the page asks the API in.

/**
 * The language functions of a page whose words are `words` ({zh: {key: text}, en: {key: text}}), remembering the
 * choice under `storageKey` in localStorage. Texts may hold {name} placeholders; a key missing in English falls back
 * to Chinese, and a key missing in both shows as itself.
 */
export function pageLanguages(storageKey, words) {
  let current = chooseFirstLanguage();

  function chooseFirstLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked in words) {
      return asked;
    }
    const saved = localStorage.getItem(storageKey);
    return saved in words ? saved : 'zh';
  }

  function language() {
    return current;
  }

  /** The page's language as a language tag: its html lang, and the Accept-Language the API is asked in. */
  function acceptLanguage() {
    return current === 'zh' ? 'zh-CN' : 'en';
  }

  function setLanguage(code) {
    current = code in words ? code : 'zh';
    localStorage.setItem(storageKey, current);
  }

  /** The text for key in the current language, with {name} placeholders filled from params. */
  function t(key, params = {}) {
    const text = words[current][key] ?? words.zh[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }

  /**
   * Fills every element with a data-i18n key, sets the page's language and title (its 'title' words), and marks
   * the language switch (#language-toggle, which names the other language) as written in that other language.
   */
  function translatePage(root = document) {
    document.documentElement.lang = acceptLanguage();
    document.title = `${t('title')} · Jingsai`;
    for (const element of root.querySelectorAll('[data-i18n]')) {
      element.textContent = t(element.dataset.i18n);
    }
    const toggle = document.getElementById('language-toggle');
    if (toggle) {
      toggle.lang = current === 'zh' ? 'en' : 'zh-CN';
    }
  }

  return { language, acceptLanguage, setLanguage, t, translatePage };
}
