// Listening: the narrator (../narrator.js) wired to the article and to the Listen button, its
// panel (previous, play/pause, next) and its speed.

import { el } from '../util.js';
import { SPEECH_RATES } from '../settings.js';
import { Narrator } from '../narrator.js';

const $ = (id) => document.getElementById(id);

/**
 * Wires the listening controls. `rate` is the speed to start at; `onRate(rate)` is called when
 * the user picks another. Returns `read(view, article)`, to call once the article is drawn,
 * `setRate(rate)` and `stop()`.
 */
export function listening(rate, onRate) {
  let narrator = null;
  const listen = $('decant-listen');
  const play = $('decant-listen-play');
  const speed = $('decant-listen-rate');
  for (const r of SPEECH_RATES) speed.append(el('option', { value: String(r), textContent: `${r}×`, selected: r === rate }));
  speed.addEventListener('change', () => onRate(Number(speed.value)));
  listen.addEventListener('click', () => {
    if (!window.speechSynthesis) {
      listen.textContent = 'Listen (not available in this browser)';
      return;
    }
    $('decant-listen-panel').hidden = false;
    narrator?.toggle();
  });
  play.addEventListener('click', () => narrator?.toggle());
  $('decant-listen-prev').addEventListener('click', () => narrator?.skip(-1));
  $('decant-listen-next').addEventListener('click', () => narrator?.skip(1));

  return {
    read(view, a) {
      const blocks = [...view.querySelectorAll('.decant-title, .decant-content :is(p, h2, h3, h4, h5, h6, li, blockquote, figcaption, dt, dd)')]
        .filter((b) => !b.querySelector('p, li, blockquote'));
      narrator = new Narrator(blocks, {
        lang: a.lang || undefined,
        rate,
        onChange({ playing, index }) {
          listen.setAttribute('aria-pressed', String(playing));
          play.textContent = playing ? '⏸' : '▶';
          play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
          for (const b of view.querySelectorAll('.decant-speaking')) b.classList.remove('decant-speaking');
          if (playing || index > 0) {
            const current = narrator?.blocks[index];
            current?.classList.add('decant-speaking');
            current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
          }
        },
      });
      listen.disabled = narrator.blocks.length === 0;
    },
    setRate(next) {
      rate = next;
      narrator?.setRate(next);
    },
    stop() {
      narrator?.stop();
    },
  };
}
