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

/**
 * Where a look-up stands, kept to be drawn again in the other language when the reader switches: 'asking', 'found'
 * (body: the answer), 'refused' (body: a problem naming fields, the server's or the page's own), 'notFound',
 * 'throttled' (retryAfter: seconds) or 'failed' (no answer).
 */
class Outcome {
  constructor(kind, body = null, retryAfter = null) {
    this.kind = kind;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export class LookupView {
  constructor() {
    this.resultOutcome = null;
    this.certificateOutcome = null;
    /** How many look-ups of each kind were sent: only the latest one's answer is shown. */
    this.resultAsked = 0;
    this.certificateAsked = 0;
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
    const eventId = element('lookup-event').value;
    const number = element('lookup-number').value.trim();
    const code = element('lookup-code').value;
    const asked = ++this.resultAsked;
    if (!eventId) {
      this.resultOutcome = refusedHere('eventId', 'noEventToLookUp');
    } else if (!/^[0-9]{1,9}$/.test(number)) {
      // The route's path takes a whole number: anything else could not be asked, so the page says so itself.
      this.resultOutcome = refusedHere('registrationNumber',
        number ? 'registrationNumberFormat' : 'registrationNumberRequired');
    } else {
      this.resultOutcome = new Outcome('asking');
      this.showResultOutcome();
      const outcome = await ask(`/api/public/events/${encodeURIComponent(eventId)}/results/${number}`
        + `?code=${encodeURIComponent(code)}`);
      if (asked !== this.resultAsked) {
        return; // a later look-up was sent meanwhile: its answer is the one to show
      }
      this.resultOutcome = outcome;
    }
    this.showResultOutcome();
    // On a phone the answer is below the form, out of sight.
    element(this.resultOutcome.kind === 'found' ? 'own-result-answer' : 'own-result-message')
      .scrollIntoView({ block: 'nearest' });
  }

  /** Checks `typed` (as typed: the server reads it leniently) and keeps it in the address. */
  async checkCertificate(typed) {
    const number = typed.trim();
    const asked = ++this.certificateAsked;
    rememberCertificate(number);
    if (!number) {
      this.certificateOutcome = refusedHere('number', 'certificateNumberRequired');
    } else {
      this.certificateOutcome = new Outcome('asking');
      this.showCertificateOutcome();
      const outcome = await ask(`/api/public/certificates/${encodeURIComponent(number)}`);
      if (asked !== this.certificateAsked) {
        return;
      }
      this.certificateOutcome = outcome;
    }
    this.showCertificateOutcome();
    element(this.certificateOutcome.kind === 'found' ? 'certificate-answer' : 'certificate-message')
      .scrollIntoView({ block: 'nearest' });
  }

  showResultOutcome() {
    const outcome = this.resultOutcome;
    const answer = element('own-result-answer');
    answer.hidden = outcome?.kind !== 'found';
    answer.replaceChildren(...(outcome?.kind === 'found' ? ownResult(outcome.body, this) : []));
    const unplaced = showProblems(outcome, RESULT_FIELDS);
    element('own-result-message').textContent = outcome ? outcomeMessage(outcome, 'notFoundResult', unplaced) : '';
  }

  showCertificateOutcome() {
    const outcome = this.certificateOutcome;
    const answer = element('certificate-answer');
    answer.hidden = outcome?.kind !== 'found';
    answer.replaceChildren(...(outcome?.kind === 'found' ? certificate(outcome.body) : []));
    const unplaced = showProblems(outcome, CERTIFICATE_FIELDS);
    // A number that is not a certificate's is refused by the server as unknown, whatever is wrong with it.
    element('certificate-message').textContent = outcome ? outcomeMessage(outcome, 'notACertificate', unplaced) : '';
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

function outcomeMessage(outcome, notFoundKey, unplaced) {
  switch (outcome.kind) {
    case 'asking': return t('asking');
    case 'notFound': return t(notFoundKey);
    case 'throttled': return t('throttled', { wait: waitInWords(outcome.retryAfter) });
    case 'failed': return t('lookupFailed');
    case 'refused': return unplaced.join(' ');
    default: return '';
  }
}

/** A refusal by the page itself, shaped as the server's problem: `words` (the page's key) at `field`. */
function refusedHere(field, words) {
  return new Outcome('refused', { errors: [{ field, words }] });
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

/**
 * Clears the form's field problems, then shows a refusal's at the field each names (the answer's field → the input's
 * id in `fields`): in the page's words where the page has words for it (a refusal of its own, or `rule.<rule>`), else
 * in the server's (worded for the language asked). Returns the messages for fields the form does not have.
 */
function showProblems(outcome, fields) {
  for (const id of Object.values(fields)) {
    element(id).removeAttribute('aria-invalid');
    Object.assign(element(`${id}-error`), { hidden: true, textContent: '' });
  }
  const unplaced = [];
  for (const error of outcome?.kind === 'refused' ? outcome.body.errors : []) {
    const message = problemMessage(error);
    const id = fields[error.field];
    if (id) {
      element(id).setAttribute('aria-invalid', 'true');
      Object.assign(element(`${id}-error`), { hidden: false, textContent: message });
    } else {
      unplaced.push(message);
    }
  }
  return unplaced;
}

function problemMessage(error) {
  if (error.words) {
    return t(error.words);
  }
  const key = `rule.${error.rule}`;
  return t(key) === key ? error.message : t(key);
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
