// Words of the dashboard in Chinese (the default) and English; the choice is remembered in localStorage.

const STORAGE_KEY = 'jingsai.dashboard.language';

const WORDS = {
  zh: {
    title: '职工技能竞赛实时榜单',
    skipToBoard: '跳到榜单',
    event: '赛项',
    otherLanguage: 'English',
    bigScreen: '数据大屏',
    noEventChosen: '请选择赛项',
    noEvents: '暂无公开的赛项',
    boardHeading: '实时榜单',
    boardCaption: '按名次排列；“暂定”表示评分尚未完成',
    rank: '名次',
    movement: '变化',
    entrant: '选手',
    enterprise: '单位',
    registrationNumber: '报名号',
    total: '成绩',
    resultStatus: '状态',
    boardEmpty: '暂无成绩',
    distributionHeading: '成绩分布',
    footer: '数据实时更新，无需刷新页面。',
    entries: '共 {n} 名',
    live: '实时连接中',
    connecting: '正在连接…',
    reconnecting: '连接中断，正在重连…',
    unavailable: '该赛项的榜单暂不公开',
    rose: '上升 {n} 位',
    fell: '下降 {n} 位',
    newEntry: '新上榜',
    unchanged: '无变化',
    provisional: '暂定',
    changesAnnounced: '榜单更新：{names}',
    chartSummary: '{n} 名选手的成绩分布，最高 {max} 分，最低 {min} 分，中位数 {median} 分。',
    chartEmpty: '暂无成绩，无法显示分布。',
    chartAxisScore: '分数段',
    chartAxisCount: '人数',
    'eventStatus.MARKING': '评分中',
    'eventStatus.REVIEW': '公示中',
    'eventStatus.PUBLISHED': '已发布',
    'status.COMPLETE': '已完成',
    'status.INCOMPLETE': '评分中',
    'status.NEEDS_REVIEW': '待复核',
    'status.DISQUALIFIED': '取消资格',
    frozenSince: '已封榜 · {time} 起',
    frozenExplained: '封榜期间，公开榜单停在封榜时的成绩；解除封榜或成绩公示后恢复实时。',
    frozenAnnounced: '榜单已封榜',
    releasedAnnounced: '榜单已解除封榜，恢复实时更新',
  },
  en: {
    title: 'Skills competition live board',
    skipToBoard: 'Skip to the board',
    event: 'Event',
    otherLanguage: '中文',
    bigScreen: 'Big screen',
    noEventChosen: 'Choose an event',
    noEvents: 'No public events yet',
    boardHeading: 'Live board',
    boardCaption: 'In rank order; “provisional” means marking is not finished',
    rank: 'Rank',
    movement: 'Move',
    entrant: 'Contestant',
    enterprise: 'Enterprise',
    registrationNumber: 'No.',
    total: 'Score',
    resultStatus: 'Status',
    boardEmpty: 'No results yet',
    distributionHeading: 'Score distribution',
    footer: 'Live data: no need to reload the page.',
    entries: '{n} entries',
    live: 'Live',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost, reconnecting…',
    unavailable: 'This event’s board is not public',
    rose: 'up {n}',
    fell: 'down {n}',
    newEntry: 'new',
    unchanged: 'no change',
    provisional: 'provisional',
    changesAnnounced: 'Board updated: {names}',
    chartSummary: 'Scores of {n} entries: highest {max}, lowest {min}, median {median}.',
    chartEmpty: 'No results yet to show a distribution.',
    chartAxisScore: 'Score band',
    chartAxisCount: 'Entries',
    'eventStatus.MARKING': 'Marking',
    'eventStatus.REVIEW': 'Public review',
    'eventStatus.PUBLISHED': 'Published',
    'status.COMPLETE': 'Complete',
    'status.INCOMPLETE': 'Marking',
    'status.NEEDS_REVIEW': 'Under review',
    'status.DISQUALIFIED': 'Disqualified',
    frozenSince: 'Frozen since {time}',
    frozenExplained: 'While the board is frozen it shows the results as they were at the freeze; it is live again '
      + 'once released or when the results go out for public review.',
    frozenAnnounced: 'The board is frozen',
    releasedAnnounced: 'The board is live again',
  },
};

let current = chooseFirstLanguage();

function chooseFirstLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked in WORDS) {
    return asked;
  }
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved in WORDS ? saved : 'zh';
}

export function language() {
  return current;
}

export function setLanguage(code) {
  current = code in WORDS ? code : 'zh';
  localStorage.setItem(STORAGE_KEY, current);
}

/** The text for key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = WORDS[current][key] ?? WORDS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Fills every element with a data-i18n key, and sets the page's language. */
export function translatePage(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  document.title = `${t('title')} · Jingsai`;
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  const toggle = document.getElementById('language-toggle');
  toggle.lang = current === 'zh' ? 'en' : 'zh-CN';
}
