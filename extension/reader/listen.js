// Listening: the narrator (../narrator.js) wired to the article, to the Listen button and to the
// player bar (previous, play/pause, next, voice, speed, stop). Listen is offered only once the
// browser has a voice to read with; the paragraph being read is highlighted, and the sentence too
// where the voice reports word boundaries.

import { el } from '../util.js';
import { SPEECH_RATES } from '../settings.js';
import { Narrator } from '../narrator.js';

const $ = (id) => document.getElementById(id);
const SENTENCE = 'decant-sentence';

const synth = () => window.speechSynthesis ?? null;
const voices = () => synth()?.getVoices?.() ?? [];

/**
 * The voices for an article in `lang`: those of its language first (the browser's default among
 * them first), then the rest, each group by name.
 */
export function voicesFor(all, lang) {
  const base = (lang || '').toLowerCase().split('-')[0];
  const rank = (v) => (base && v.lang.toLowerCase().split(/[-_]/)[0] === base ? 0 : 1) * 2 + (v.default ? 0 : 1);
  return [...all].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/**
 * The text of `block` as the narrator says it (Narrator.text), with, for each of its characters,
 * the text node and offset it comes from: word boundaries are offsets into that text.
 */
function spokenText(block) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const points = [];
  let text = '';
  let gap = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue;
    for (let i = 0; i < value.length; i++) {
      if (/\s/.test(value[i])) {
        gap = text.length > 0;
        continue;
      }
      if (gap) {
        text += ' ';
        points.push([node, i]);
        gap = false;
      }
      text += value[i];
      points.push([node, i]);
    }
  }
  return { text, points };
}

/** The range of the sentence of `block` around character `at` of its spoken text. */
function sentenceRange(block, at, lang) {
  const { text, points } = spokenText(block);
  if (!points.length) return null;
  let start = 0;
  let end = text.length;
  if (typeof Intl.Segmenter === 'function') {
    for (const s of new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }).segment(text)) {
      if (at < s.index + s.segment.length) {
        start = s.index;
        end = s.index + s.segment.trimEnd().length;
        break;
      }
    }
  }
  if (end <= start) return null;
  const range = document.createRange();
  range.setStart(...points[start]);
  const [node, offset] = points[end - 1];
  range.setEnd(node, offset + 1);
  return range;
}

/**
 * Wires the listening controls. `settings()` gives the current settings (speed and voice);
 * `onChoice(patch)` stores the user's choice of either. Returns `read(view, article)`, to call once
 * the article is drawn, `toggle()` (the L key), `apply(settings)` and `stop()`.
 */
export function listening(settings, onChoice) {
  let narrator = null;
  let article = null;
  const listen = $('decant-listen');
  const player = $('decant-player');
  const play = $('decant-listen-play');
  const speed = $('decant-listen-rate');
  const voice = $('decant-listen-voice');
  const highlights = globalThis.CSS?.highlights && typeof globalThis.Highlight === 'function' ? CSS.highlights : null;

  for (const r of SPEECH_RATES) speed.append(el('option', { value: String(r), textContent: `${r}×` }));
  speed.value = String(settings().speechRate);
  speed.addEventListener('change', () => onChoice({ speechRate: Number(speed.value) }));
  const chosenVoice = () => voices().find((v) => v.voiceURI === voice.value) ?? null;
  voice.addEventListener('change', () => {
    narrator?.setVoice(chosenVoice());
    onChoice({ voice: voice.value });
  });

  /** Offers Listen when the browser has a voice and the article something to read. */
  function offer() {
    const list = voicesFor(voices(), article?.lang);
    listen.hidden = !list.length || !narrator?.blocks.length;
    if (!list.length) return;
    const wanted = settings().voice;
    voice.replaceChildren(...list.map((v) => el('option', { value: v.voiceURI, textContent: `${v.name} (${v.lang})` })));
    voice.value = list.some((v) => v.voiceURI === wanted) ? wanted : list[0].voiceURI;
    narrator?.setVoice(chosenVoice());
  }
  // Voices often arrive after the page has loaded.
  synth()?.addEventListener?.('voiceschanged', offer);

  function toggle() {
    if (!narrator || listen.hidden) return;
    player.hidden = false;
    narrator.toggle();
  }

  function stop() {
    narrator?.stop();
    player.hidden = true;
  }

  listen.addEventListener('click', toggle);
  play.addEventListener('click', () => narrator?.toggle());
  $('decant-listen-prev').addEventListener('click', () => narrator?.skip(-1));
  $('decant-listen-next').addEventListener('click', () => narrator?.skip(1));
  $('decant-listen-stop').addEventListener('click', () => {
    stop();
    listen.focus();
  });

  return {
    read(view, a) {
      article = a;
      const blocks = [...view.querySelectorAll('.decant-title, .decant-content :is(p, h2, h3, h4, h5, h6, li, blockquote, figcaption, dt, dd)')]
        .filter((b) => !b.querySelector('p, li, blockquote'));
      narrator = new Narrator(blocks, {
        lang: a.lang || undefined,
        rate: settings().speechRate,
        onChange({ playing, index }) {
          listen.setAttribute('aria-pressed', String(playing));
          player.dataset.playing = String(playing);
          play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
          highlights?.delete(SENTENCE);
          for (const b of view.querySelectorAll('.decant-speaking')) b.classList.remove('decant-speaking');
          if (playing || index > 0) {
            const current = narrator?.blocks[index];
            current?.classList.add('decant-speaking');
            current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          }
        },
        onWord(index, at) {
          const range = highlights && sentenceRange(narrator.blocks[index], at, a.lang);
          if (range) highlights.set(SENTENCE, new Highlight(range));
        },
      });
      offer();
    },
    toggle,
    apply(next) {
      speed.value = String(next.speechRate);
      // Only a change restarts the sentence (settings also arrive back from storage, unchanged).
      if (narrator && narrator.rate !== next.speechRate) narrator.setRate(next.speechRate);
      if (next.voice && next.voice !== voice.value && voices().some((v) => v.voiceURI === next.voice)) {
        voice.value = next.voice;
        narrator?.setVoice(chosenVoice());
      }
    },
    stop,
  };
}
