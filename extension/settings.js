// Reader settings: their defaults, how they are stored (synced where the browser syncs) and
// applied, and the form that edits them, shared by the reader's toolbar and the options page.
import { ext } from './api.js';

export const THEMES = Object.freeze(['light', 'sepia', 'dark', 'auto']);
export const FONTS = Object.freeze(['serif', 'sans']);
// Column widths in `ch` (the width of a "0", wider than an average letter). Measured in the
// default serif at the default size (tests/browser/reader-view.test.mjs): narrow gives about 50
// characters a line, medium 65 (the classic comfortable measure), wide 82; 60ch gave 73.
export const WIDTHS = Object.freeze({ narrow: 42, medium: 54, wide: 68 });
export const FONT_SIZE = Object.freeze({ min: 14, max: 32, step: 1 });
export const LINE_HEIGHT = Object.freeze({ min: 1.2, max: 2.2, step: 0.1 });
export const SPEECH_RATES = Object.freeze([0.75, 1, 1.25, 1.5, 2]);
// What the Save button writes (the menu beside it offers every format).
export const SAVE_FORMATS = Object.freeze({
  markdown: 'Markdown',
  textpack: 'Markdown with images (TextBundle .textpack)',
  html: 'HTML (one file, offline)',
  epub: 'EPUB (e-book)',
  text: 'Plain text',
});

export const DEFAULTS = Object.freeze({
  theme: 'auto',
  font: 'serif',
  fontSize: 20,
  width: 'medium',
  lineHeight: 1.6,
  speechRate: 1,
  // The voice chosen for listening (its voiceURI), '' for the best for the article's language.
  voice: '',
  saveFormat: 'markdown',
});

const KEY = 'settings';
// A voice's id is a short name or URI; anything longer is not one.
const VOICE_MAX = 500;

function area() {
  return ext.storage.sync ?? ext.storage.local;
}

function clamp(value, { min, max }, fallback) {
  if (typeof value !== 'number' && typeof value !== 'string') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) return fallback;
  return Math.round(Math.min(max, Math.max(min, n)) * 10) / 10;
}

/** Settings with every field valid: unknown or broken values fall back to the defaults. */
export function normalize(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  return {
    theme: THEMES.includes(s.theme) ? s.theme : DEFAULTS.theme,
    font: FONTS.includes(s.font) ? s.font : DEFAULTS.font,
    fontSize: clamp(s.fontSize, FONT_SIZE, DEFAULTS.fontSize),
    width: Object.hasOwn(WIDTHS, s.width) ? s.width : DEFAULTS.width,
    lineHeight: clamp(s.lineHeight, LINE_HEIGHT, DEFAULTS.lineHeight),
    speechRate: SPEECH_RATES.includes(Number(s.speechRate)) ? Number(s.speechRate) : DEFAULTS.speechRate,
    voice: typeof s.voice === 'string' && s.voice.length <= VOICE_MAX ? s.voice : DEFAULTS.voice,
    saveFormat: Object.hasOwn(SAVE_FORMATS, s.saveFormat) ? s.saveFormat : DEFAULTS.saveFormat,
  };
}

export async function loadSettings() {
  try {
    const stored = await area().get(KEY);
    return normalize(stored[KEY]);
  } catch {
    return { ...DEFAULTS };
  }
}

export async function saveSettings(settings) {
  await area().set({ [KEY]: normalize(settings) });
}

/** Calls `listener` with the new settings whenever they change (in any reader or the options). */
export function onSettingsChanged(listener) {
  ext.storage.onChanged.addListener((changes) => {
    if (changes[KEY]) listener(normalize(changes[KEY].newValue));
  });
}

/** Applies settings to a document: attributes for theme and font, custom properties for sizes. */
export function applySettings(doc, settings) {
  const root = doc.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.style.setProperty('--font-size', `${settings.fontSize}px`);
  root.style.setProperty('--measure', `${WIDTHS[settings.width]}ch`);
  root.style.setProperty('--line-height', String(settings.lineHeight));
}

function radioGroup(doc, legendText, name, options, current, onPick) {
  const fieldset = doc.createElement('fieldset');
  const legend = doc.createElement('legend');
  legend.textContent = legendText;
  fieldset.append(legend);
  for (const [value, label] of options) {
    const input = Object.assign(doc.createElement('input'), { type: 'radio', name, value, checked: value === current });
    input.id = `decant-${name}-${value}`;
    input.addEventListener('change', () => input.checked && onPick(value));
    const lab = Object.assign(doc.createElement('label'), { htmlFor: input.id, textContent: label });
    // A choice and its name wrap together.
    const choice = doc.createElement('span');
    choice.className = 'decant-choice';
    choice.append(input, lab);
    fieldset.append(choice);
  }
  return fieldset;
}

function stepper(doc, legendText, name, labels, value, format, onStep) {
  const fieldset = doc.createElement('fieldset');
  const legend = doc.createElement('legend');
  legend.textContent = legendText;
  const output = Object.assign(doc.createElement('output'), { id: `decant-${name}-value`, textContent: format(value) });
  const less = Object.assign(doc.createElement('button'), { type: 'button', id: `decant-${name}-less`, textContent: '−' });
  less.setAttribute('aria-label', labels[0]);
  less.addEventListener('click', () => onStep(-1));
  const more = Object.assign(doc.createElement('button'), { type: 'button', id: `decant-${name}-more`, textContent: '+' });
  more.setAttribute('aria-label', labels[1]);
  more.addEventListener('click', () => onStep(1));
  fieldset.append(legend, less, output, more);
  return fieldset;
}

/**
 * The settings form. `onChange(next)` gets the whole new settings object; the form redraws
 * itself from `update(settings)` so that it always shows what is stored.
 */
export function settingsForm(doc, initial, onChange) {
  const form = doc.createElement('form');
  form.className = 'decant-settings-form';
  form.addEventListener('submit', (e) => e.preventDefault());
  let current = normalize(initial);
  const change = (patch) => onChange(normalize({ ...current, ...patch }));
  const draw = () => {
    form.replaceChildren(
      radioGroup(doc, 'Theme', 'theme', [['light', 'Light'], ['sepia', 'Sepia'], ['dark', 'Dark'], ['auto', 'Auto']], current.theme, (theme) => change({ theme })),
      radioGroup(doc, 'Font', 'font', [['serif', 'Serif'], ['sans', 'Sans-serif']], current.font, (font) => change({ font })),
      stepper(doc, 'Text size', 'size', ['Smaller text', 'Larger text'], current.fontSize, (v) => `${v}px`,
        (dir) => change({ fontSize: current.fontSize + dir * FONT_SIZE.step })),
      radioGroup(doc, 'Line width', 'width', [['narrow', 'Narrow'], ['medium', 'Medium'], ['wide', 'Wide']], current.width, (width) => change({ width })),
      stepper(doc, 'Line spacing', 'spacing', ['Tighter lines', 'Looser lines'], current.lineHeight, (v) => v.toFixed(1),
        (dir) => change({ lineHeight: current.lineHeight + dir * LINE_HEIGHT.step })),
      radioGroup(doc, 'Save as', 'save', Object.entries(SAVE_FORMATS), current.saveFormat, (saveFormat) => change({ saveFormat })),
    );
  };
  draw();
  return {
    element: form,
    update(settings) {
      const focusedId = doc.activeElement?.id;
      current = normalize(settings);
      draw();
      // Redrawing must not lose the keyboard user's place.
      if (focusedId) doc.getElementById(focusedId)?.focus();
    },
  };
}
