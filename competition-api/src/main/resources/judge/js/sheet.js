// A score sheet as a form, built from the worklist's aspects: a JUDGEMENT aspect as four choices 0–3 with their
// level descriptors; a MEASUREMENT aspect as its allowed marks to choose from, or a number from 0 to its maximum.
// Values the scheme does not allow cannot be sent: readMarks names each problem at its aspect.

import { t } from './i18n.js';

const DECIMAL = /^\d+(\.\d{1,6})?$/;

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') {
      made.textContent = value;
    } else if (value !== false && value !== null && value !== undefined) {
      made.setAttribute(name, value === true ? '' : String(value));
    }
  }
  made.append(...children);
  return made;
}

export { element };

function choice(name, value, label, checked, disabled) {
  const input = element('input', { type: 'radio', name, value, checked, disabled });
  return element('label', { class: 'choice' }, input,
    element('span', { class: 'choice-value', text: value }),
    element('span', { class: 'choice-label', text: label }));
}

function choicesFor(aspect) {
  if (aspect.type === 'JUDGEMENT') {
    return [0, 1, 2, 3].map(score => [String(score), aspect.levelDescriptors[score] ?? '']);
  }
  return aspect.allowedMarks.map(mark => [String(mark), '']);
}

/**
 * Fills container with one fieldset per aspect. values: {aspectId: text}; toReview: aspect ids to re-mark;
 * onChange(aspectId, text) after each change.
 */
export function renderSheet(container, aspects, values, { readOnly = false, toReview = [], prefix = 'sheet',
  onChange = () => {} } = {}) {
  container.replaceChildren(...aspects.map((aspect, index) => {
    const id = `${prefix}-${index}`;
    const legend = element('legend', { id: `${id}-legend` },
      element('span', { class: 'aspect-id', text: aspect.aspectId }), ' ',
      element('span', { class: 'aspect-description', text: aspect.description ?? '' }), ' ',
      element('span', { class: 'aspect-max', text: aspect.type === 'JUDGEMENT' ? t('judgementHint')
        : t('maxMark', { max: aspect.maxMark }) }));
    const fieldset = element('fieldset', { class: 'aspect', 'data-aspect': aspect.aspectId }, legend);
    if (toReview.includes(aspect.aspectId)) {
      fieldset.classList.add('to-review');
      fieldset.append(element('p', { class: 'review-badge', text: t('toReviewBadge') }));
    }
    const value = values[aspect.aspectId] ?? '';
    const choices = choicesFor(aspect);
    if (choices.length > 0) {
      fieldset.append(element('div', { class: `choices${aspect.type === 'JUDGEMENT' ? ' judgement' : ''}` },
        ...choices.map(([mark, label]) => choice(id, mark, label, sameMark(value, mark), readOnly))));
      if (aspect.type !== 'JUDGEMENT') {
        fieldset.append(element('p', { class: 'hint', id: `${id}-hint`,
          text: t('allowedHint', { marks: aspect.allowedMarks.join(' / ') }) }));
      }
      fieldset.addEventListener('change', event => onChange(aspect.aspectId, event.target.value));
    } else {
      const input = element('input', { type: 'number', id: `${id}-input`, name: id, min: 0, max: aspect.maxMark,
        step: 'any', inputmode: 'decimal', autocomplete: 'off', value, disabled: readOnly,
        'aria-labelledby': `${id}-legend`, 'aria-describedby': `${id}-hint ${id}-error` });
      fieldset.append(element('div', { class: 'number-entry' }, input,
        element('span', { class: 'out-of', 'aria-hidden': 'true', text: `/ ${aspect.maxMark}` })),
        element('p', { class: 'hint', id: `${id}-hint`, text: t('measurementHint', { max: aspect.maxMark }) }));
      input.addEventListener('input', () => onChange(aspect.aspectId, input.value));
    }
    fieldset.append(element('p', { class: 'field-error', id: `${id}-error`, hidden: true }));
    return fieldset;
  }));
}

function sameMark(text, mark) {
  return text !== '' && Number(text) === Number(mark);
}

/** The sheet's marks (aspects left empty are left out) and the problems of what was entered, by aspect. */
export function readMarks(container, aspects) {
  const marks = [];
  const problems = {};
  aspects.forEach((aspect, index) => {
    const fieldset = container.children[index];
    const chosen = fieldset.querySelector('input[type=radio]:checked');
    const typed = fieldset.querySelector('input[type=number]');
    const text = chosen ? chosen.value : typed ? typed.value.trim() : '';
    if (text === '') {
      if (typed && typed.validity.badInput) {
        problems[aspect.aspectId] = t('notANumber');
      }
      return;
    }
    if (!DECIMAL.test(text)) {
      problems[aspect.aspectId] = /^\d+\.\d{7,}$/.test(text) ? t('tooManyDecimals') : t('notANumber');
    } else if (Number(text) > Number(aspect.maxMark)) {
      problems[aspect.aspectId] = t('outOfRange', { max: aspect.maxMark });
    } else {
      marks.push({ aspectId: aspect.aspectId, value: Number(text) });
    }
  });
  return { marks, problems };
}

/** Shows each problem next to its aspect's field ({aspectId: message}); clears the others. */
export function showProblems(container, problems) {
  for (const fieldset of container.querySelectorAll('fieldset.aspect')) {
    const message = problems[fieldset.dataset.aspect];
    const error = fieldset.querySelector('.field-error');
    error.hidden = !message;
    error.textContent = message ? `✖ ${message}` : '';
    fieldset.classList.toggle('invalid', Boolean(message));
    fieldset.querySelectorAll('input').forEach(input => {
      if (message) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    });
  }
}

/** The server's field errors placed at their aspects: `marks[i].…` names the i-th mark sent. */
export function problemsFromServer(errors, sentAspectIds) {
  const byAspect = {};
  const others = [];
  for (const error of errors) {
    const match = /^marks\[(\d+)\]/.exec(error.field ?? '');
    const aspectId = match ? sentAspectIds[Number(match[1])] : undefined;
    if (aspectId) {
      byAspect[aspectId] = error.message;
    } else {
      others.push(error.message);
    }
  }
  return { byAspect, others };
}
