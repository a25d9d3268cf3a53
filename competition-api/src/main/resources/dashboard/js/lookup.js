// The look-up view (查询): a contestant's own result with the registration number and verification code (成绩查询),
// and the check of a certificate by its number (证书查询), both from the public routes of docs/certificates.md.
// The verification code is a secret: it is sent to the API and nowhere else (not in the page's address, not in
// localStorage). A certificate number is not: ?certificate=NUMBER opens the check, so a printed QR code can link to it.

import { acceptLanguage, language, t } from './i18n.js';
import { formatTotal, provisionalBadge } from './table.js';

/** The answer's field → the form's input the server's problem is shown at. */
const RESULT_FIELDS = { code: 'lookup-code', registrationNumber: 'lookup-number', eventId: 'lookup-event' };
const CERTIFICATE_FIELDS = { number: 'certificate-number' };

const element = id => document.getElementById(id);

/** What an answer was: shown again in the other language when the reader switches. */
class Outcome {
  constructor(kind, body = null, retryAfter = null) {
    this.kind = kind;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export class LookupView {
  constructor() {
    this.events = [];
    this.resultOutcome = null;
    this.certificateOutcome = null;
    element('own-result-form').addEventListener('submit', submitted => {
      submitted.preventDefault();
      this.lookUpResult();
    });
    element('certificate-form').addEventListener('submit', submitted => {
      submitted.preventDefault();
      this.checkCertificate(element('certificate-number').value);
    });
  }

  /** The public events to choose from (those with boards, newest first), the one chosen elsewhere selected. */
  setEvents(events, chosenId) {
    this.events = events;
    const select = element('lookup-event');
    const kept = select.value || String(chosenId ?? '');
    select.replaceChildren(...events.map(event => {
      const option = new Option(event.name, event.id);
      option.selected = String(event.id) === kept;
      return option;
    }));
    select.disabled = events.length === 0;
  }

  /** Opens the view; a certificate number in the address is checked at once. */
  open() {
    const asked = new URLSearchParams(location.search).get('certificate');
    if (asked) {
      element('certificate-number').value = asked;
      this.checkCertificate(asked);
    }
  }

  /** Draws both answers again in the page's language. */
  retranslate() {
    this.showResultOutcome();
    this.showCertificateOutcome();
  }

  async lookUpResult() {
    clearProblems(RESULT_FIELDS);
    const eventId = element('lookup-event').value;
    const number = element('lookup-number').value.trim();
    const code = element('lookup-code').value;
    if (!eventId) {
      return this.refuseLocally('lookup-event', 'noEventToLookUp');
    }
    // The route's path takes a whole number: anything else could not be asked, so it is said here.
    if (!/^[0-9]{1,9}$/.test(number)) {
      return this.refuseLocally('lookup-number', number ? 'registrationNumberFormat' : 'registrationNumberRequired');
    }
    this.resultOutcome = new Outcome('asking');
    this.showResultOutcome();
    const url = `/api/public/events/${encodeURIComponent(eventId)}/results/${number}`
      + `?code=${encodeURIComponent(code)}`;
    this.resultOutcome = await ask(url);
    this.showResultOutcome();
    // On a phone the answer is below the form, out of sight.
    element(this.resultOutcome.kind === 'found' ? 'own-result-answer' : 'own-result-message')
      .scrollIntoView({ block: 'nearest' });
  }

  refuseLocally(field, key) {
    this.resultOutcome = null;
    this.showResultOutcome();
    showProblem(field, t(key));
  }

  /** Checks `typed` (as typed: the server reads it leniently) and keeps it in the address. */
  async checkCertificate(typed) {
    clearProblems(CERTIFICATE_FIELDS);
    const number = typed.trim();
    rememberCertificate(number);
    if (!number) {
      this.certificateOutcome = null;
      this.showCertificateOutcome();
      showProblem('certificate-number', t('certificateNumberRequired'));
      return;
    }
    this.certificateOutcome = new Outcome('asking');
    this.showCertificateOutcome();
    this.certificateOutcome = await ask(`/api/public/certificates/${encodeURIComponent(number)}`);
    this.showCertificateOutcome();
    element(this.certificateOutcome.kind === 'found' ? 'certificate-answer' : 'certificate-message')
      .scrollIntoView({ block: 'nearest' });
  }

  showResultOutcome() {
    const answer = element('own-result-answer');
    const outcome = this.resultOutcome;
    answer.hidden = outcome?.kind !== 'found';
    answer.replaceChildren(...(outcome?.kind === 'found' ? ownResult(outcome.body, this) : []));
    element('own-result-message').textContent = outcome ? outcomeMessage(outcome, 'notFoundResult') : '';
    if (outcome?.kind === 'refused') {
      showProblems(outcome.body, RESULT_FIELDS);
    }
  }

  showCertificateOutcome() {
    const answer = element('certificate-answer');
    const outcome = this.certificateOutcome;
    answer.hidden = outcome?.kind !== 'found';
    answer.replaceChildren(...(outcome?.kind === 'found' ? certificate(outcome.body) : []));
    // A number that is not a certificate's is refused by the server as unknown whatever is wrong with it.
    element('certificate-message').textContent = outcome ? outcomeMessage(outcome, 'notACertificate') : '';
    element('certificate-message').dataset.outcome = outcome?.kind ?? '';
  }

  /** Fills the certificate check with `number` and checks it (the own result's certificate link). */
  checkOwnCertificate(number) {
    element('certificate-number').value = number;
    this.checkCertificate(number);
    element('certificate-check').focus();
  }
}

/**
 * Asks the API: 'found' with the answer, 'notFound' (404, and any other refusal the server gives no field for),
 * 'refused' with the problem (400 naming fields), 'throttled' with the seconds to wait (429), or 'failed' (no answer).
 */
async function ask(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': acceptLanguage() },
      cache: 'no-store' });
  } catch (failure) {
    return new Outcome('failed');
  }
  if (response.ok) {
    return new Outcome('found', await response.json());
  }
  if (response.status === 429) {
    return new Outcome('throttled', null, Number(response.headers.get('Retry-After')) || null);
  }
  const problem = await response.json().catch(() => null);
  if (response.status === 400 && problem?.errors?.length) {
    return new Outcome('refused', problem);
  }
  return new Outcome(response.status >= 500 ? 'failed' : 'notFound');
}

function outcomeMessage(outcome, notFoundKey) {
  switch (outcome.kind) {
    case 'asking': return t('asking');
    case 'notFound': return t(notFoundKey);
    case 'throttled': return t('throttled', { wait: waitInWords(outcome.retryAfter) });
    case 'failed': return t('lookupFailed');
    default: return '';
  }
}

/** Retry-After's seconds as the reader would say them: seconds up to two minutes, minutes (rounded up) beyond. */
function waitInWords(seconds) {
  if (!seconds) {
    return t('aMoment');
  }
  return seconds <= 120 ? t('seconds', { n: seconds }) : t('minutes', { n: Math.ceil(seconds / 60) });
}

function rememberCertificate(number) {
  const url = new URL(location.href);
  number ? url.searchParams.set('certificate', number) : url.searchParams.delete('certificate');
  history.replaceState(null, '', url);
}

function clearProblems(fields) {
  for (const id of Object.values(fields)) {
    element(id).removeAttribute('aria-invalid');
    const error = element(`${id}-error`);
    error.hidden = true;
    error.textContent = '';
  }
}

function showProblem(id, message) {
  element(id).setAttribute('aria-invalid', 'true');
  const error = element(`${id}-error`);
  error.textContent = message;
  error.hidden = false;
}

/**
 * Each of the problem's errors at the field it names, in the page's words where the page has words for its rule
 * (`rule.<rule>`), else in the server's (worded for the language asked); one for a field the form does not have
 * goes under the first field.
 */
function showProblems(problem, fields) {
  for (const error of problem.errors) {
    const id = fields[error.field] ?? Object.values(fields)[0];
    const key = `rule.${error.rule}`;
    showProblem(id, t(key) === key ? error.message : t(key));
  }
}

/** The own result as a list of facts, with the wording of its step and a link to its certificate. */
function ownResult(view, lookup) {
  const heading = document.createElement('h3');
  heading.textContent = view.entrant;
  const facts = factList([
    ['enterprise', view.enterprise],
    ['event', view.eventName],
    ['trade', language() === 'en' ? view.tradeNameEn : view.tradeName],
    ['registrationNumberLabel', String(view.registrationNumber)],
    ['registrationStatus', t(`registrationStatus.${view.registrationStatus}`)],
    ...resultFacts(view),
  ]);
  const step = document.createElement('p');
  step.className = 'lookup-step';
  step.dataset.step = stepOf(view);
  step.textContent = t(`resultStep.${stepOf(view)}`);
  const parts = [heading, step, facts];
  if (view.certificateNumber) {
    facts.append(fact('certificateNumber', certificateLink(view.certificateNumber, lookup)));
  }
  return parts;
}

/** provisional while marking (ranks only), review in public review (公示), published once final. */
function stepOf(view) {
  if (view.provisional) {
    return 'provisional';
  }
  return view.published ? 'published' : 'review';
}

function resultFacts(view) {
  const result = view.result;
  if (!result) {
    return [['total', t('notMarkedYet')]];
  }
  const total = document.createElement('span');
  total.textContent = formatTotal(result.total);
  if (view.provisional || result.status !== 'COMPLETE') {
    total.append(' ', provisionalBadge());
  }
  return [
    ['resultStatus', t(`status.${result.status}`)],
    ['total', total],
    ['rank', result.rank == null ? t('notRanked') : String(result.rank)],
    ['award', result.award ?? t(view.provisional ? 'awardLater' : 'none')],
    ['titles', result.titles.length ? result.titles.join('、') : t('none')],
  ];
}

function certificateLink(number, lookup) {
  const link = document.createElement('a');
  link.href = `/?certificate=${encodeURIComponent(number)}`;
  link.textContent = number;
  link.id = 'own-certificate';
  link.addEventListener('click', clicked => {
    clicked.preventDefault();
    lookup.checkOwnCertificate(number);
  });
  return link;
}

/** What a genuine certificate certifies, by its kind: an event's award and titles, or a programme tier's place. */
function certificate(view) {
  const heading = document.createElement('h3');
  heading.textContent = t('validCertificate');
  heading.className = 'valid-certificate';
  const programme = t('programmeOfYear', { name: view.programmeName, year: view.programmeYear });
  const common = [['certificateNumber', view.number], ['holder', view.holderName],
    ['enterprise', view.enterpriseName], ['programme', programme]];
  const certified = view.kind === 'TIER'
    ? [['tierCertified', t(`tier.${view.tier}`)], ['rank', String(view.rank)], ['trade', view.tradeName],
      ['region', view.regionCode]]
    : [['event', view.eventName], ['trade', view.tradeName], ['award', view.award],
      ['titles', view.titles?.length ? view.titles.join('、') : null]];
  const issued = new Date(view.issuedAt).toLocaleDateString(language() === 'en' ? 'en-GB' : 'zh-CN',
    { year: 'numeric', month: 'long', day: 'numeric' });
  const facts = factList([...common, ...certified, ['issuedAt', issued]]
    .filter(([, value]) => value !== null && value !== undefined));
  facts.dataset.kind = view.kind;
  return [heading, facts];
}

/** A <dl> of [label key, text or element] pairs. */
function factList(pairs) {
  const list = document.createElement('dl');
  list.className = 'facts';
  list.append(...pairs.map(([key, value]) => fact(key, value)));
  return list;
}

function fact(key, value) {
  const pair = document.createElement('div');
  pair.dataset.fact = key;
  const term = document.createElement('dt');
  term.textContent = t(key);
  const description = document.createElement('dd');
  description.append(value);
  pair.append(term, description);
  return pair;
}
