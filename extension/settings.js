// Reader settings: their defaults, how they are stored (synced where the browser syncs) and
// applied, and the form that edits them, shared by the reader's toolbar and the options page.
import { ext } from './api.js';

// Auto follows the system's light or dark; gray is a dim theme that glares less than dark; high
// contrast is white on black; custom takes the reader's own text and background colours.
export const THEMES = Object.freeze(['light', 'sepia', 'dark', 'gray', 'contrast', 'custom', 'auto']);
// The system's faces, and two bundled for legibility (extension/fonts/, with their licences).
export const FONTS = Object.freeze({
  serif: 'Serif', sans: 'Sans-serif', mono: 'Monospace', atkinson: 'Atkinson Hyperlegible', opendyslexic: 'OpenDyslexic',
});
export const WEIGHTS = Object.freeze({ light: 300, regular: 400, bold: 700 });
export const ALIGNMENTS = Object.freeze({ start: 'Ragged', justify: 'Justified' });
// Extra space between letters and between words, in em of the text size.
export const LETTER_SPACING = Object.freeze({ min: 0, max: 0.2, step: 0.02 });
export const WORD_SPACING = Object.freeze({ min: 0, max: 0.5, step: 0.05 });
const COLOUR = /^#[0-9a-f]{6}$/;
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
  weight: 'regular',
  letterSpacing: 0,
  wordSpacing: 0,
  align: 'start',
  // The custom theme's colours (the light theme's, until changed).
  textColor: '#1f1f1f',
  backgroundColor: '#fbfaf7',
  // A reading band: every line but the few in it is dimmed.
  lineFocus: false,
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
  return Math.round(Math.min(max, Math.max(min, n)) * 100) / 100;
}

function colour(value, fallback) {
  return typeof value === 'string' && COLOUR.test(value.toLowerCase()) ? value.toLowerCase() : fallback;
}

/** Settings with every field valid: unknown or broken values fall back to the defaults. */
export function normalize(raw) {
  const s = raw && typeof raw === 'object' ? raw : {};
  return {
    theme: THEMES.includes(s.theme) ? s.theme : DEFAULTS.theme,
    font: Object.hasOwn(FONTS, s.font) ? s.font : DEFAULTS.font,
    fontSize: clamp(s.fontSize, FONT_SIZE, DEFAULTS.fontSize),
    width: Object.hasOwn(WIDTHS, s.width) ? s.width : DEFAULTS.width,
    lineHeight: clamp(s.lineHeight, LINE_HEIGHT, DEFAULTS.lineHeight),
    weight: Object.hasOwn(WEIGHTS, s.weight) ? s.weight : DEFAULTS.weight,
    letterSpacing: clamp(s.letterSpacing, LETTER_SPACING, DEFAULTS.letterSpacing),
    wordSpacing: clamp(s.wordSpacing, WORD_SPACING, DEFAULTS.wordSpacing),
    align: Object.hasOwn(ALIGNMENTS, s.align) ? s.align : DEFAULTS.align,
    textColor: colour(s.textColor, DEFAULTS.textColor),
    backgroundColor: colour(s.backgroundColor, DEFAULTS.backgroundColor),
    lineFocus: s.lineFocus === true,
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

/**
 * Applies settings to a document: attributes for theme, font, alignment and line focus, custom
 * properties for sizes, spacing, weight and the custom theme's colours.
 */
export function applySettings(doc, settings) {
  const root = doc.documentElement;
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.font;
  root.dataset.align = settings.align;
  root.dataset.lineFocus = settings.lineFocus ? 'on' : 'off';
  const set = (name, value) => root.style.setProperty(name, value);
  set('--font-size', `${settings.fontSize}px`);
  set('--measure', `${WIDTHS[settings.width]}ch`);
  set('--line-height', String(settings.lineHeight));
  set('--font-weight', String(WEIGHTS[settings.weight]));
  set('--letter-spacing', `${settings.letterSpacing}em`);
  set('--word-spacing', `${settings.wordSpacing}em`);
  set('--custom-fg', settings.textColor);
  set('--custom-bg', settings.backgroundColor);
}

/** A fieldset named by `legendText`. */
function fieldset(doc, legendText) {
  const set = doc.createElement('fieldset');
  const legend = doc.createElement('legend');
  legend.textContent = legendText;
  set.append(legend);
  return set;
}

/** `input` with its label `text`: a choice and its name wrap together. */
function choice(doc, input, text) {
  const label = Object.assign(doc.createElement('label'), { htmlFor: input.id, textContent: text });
  const span = doc.createElement('span');
  span.className = 'decant-choice';
  span.append(input, label);
  return span;
}

function radioGroup(doc, legendText, name, options, current, onPick) {
  const set = fieldset(doc, legendText);
  for (const [value, label] of options) {
    const input = Object.assign(doc.createElement('input'), { type: 'radio', name, value, checked: value === current });
    input.id = `decant-${name}-${value}`;
    input.addEventListener('change', () => input.checked && onPick(value));
    set.append(choice(doc, input, label));
  }
  return set;
}

function stepper(doc, legendText, name, labels, value, format, onStep) {
  const set = fieldset(doc, legendText);
  const output = Object.assign(doc.createElement('output'), { id: `decant-${name}-value`, textContent: format(value) });
  const less = Object.assign(doc.createElement('button'), { type: 'button', id: `decant-${name}-less`, textContent: '−' });
  less.setAttribute('aria-label', labels[0]);
  less.addEventListener('click', () => onStep(-1));
  const more = Object.assign(doc.createElement('button'), { type: 'button', id: `decant-${name}-more`, textContent: '+' });
  more.setAttribute('aria-label', labels[1]);
  more.addEventListener('click', () => onStep(1));
  set.append(less, output, more);
  return set;
}

function colourPicker(doc, legendText, fields, onPick) {
  const set = fieldset(doc, legendText);
  set.id = 'decant-colours';
  for (const [name, label, value] of fields) {
    const input = Object.assign(doc.createElement('input'), { type: 'color', id: `decant-colour-${name}`, value });
    input.addEventListener('change', () => onPick(name, input.value));
    set.append(choice(doc, input, label));
  }
  return set;
}

function checkbox(doc, legendText, id, label, hint, checked, onToggle) {
  const set = fieldset(doc, legendText);
  const input = Object.assign(doc.createElement('input'), { type: 'checkbox', id, checked });
  input.setAttribute('aria-describedby', `${id}-what`);
  input.addEventListener('change', () => onToggle(input.checked));
  const what = Object.assign(doc.createElement('small'), { id: `${id}-what`, className: 'decant-hint', textContent: hint });
  set.append(choice(doc, input, label), what);
  return set;
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
    const themes = [['light', 'Light'], ['sepia', 'Sepia'], ['dark', 'Dark'], ['gray', 'Gray'], ['contrast', 'High contrast'], ['custom', 'Custom'], ['auto', 'Auto']];
    const percent = (v) => `${Math.round(v * 100)}%`;
    const reset = Object.assign(doc.createElement('button'), { type: 'button', id: 'decant-reset', textContent: 'Reset to defaults' });
    // Resets how the text looks; the chosen voice, speed and save format stay.
    reset.addEventListener('click', () => change({ ...DEFAULTS, speechRate: current.speechRate, voice: current.voice, saveFormat: current.saveFormat }));
    form.replaceChildren(
      radioGroup(doc, 'Theme', 'theme', themes, current.theme, (theme) => change({ theme })),
      ...(current.theme === 'custom'
        ? [colourPicker(doc, 'Colours', [['text', 'Text', current.textColor], ['background', 'Background', current.backgroundColor]],
          (name, value) => change(name === 'text' ? { textColor: value } : { backgroundColor: value }))]
        : []),
      radioGroup(doc, 'Font', 'font', Object.entries(FONTS), current.font, (font) => change({ font })),
      radioGroup(doc, 'Weight', 'weight', [['light', 'Light'], ['regular', 'Regular'], ['bold', 'Bold']], current.weight, (weight) => change({ weight })),
      stepper(doc, 'Text size', 'size', ['Smaller text', 'Larger text'], current.fontSize, (v) => `${v}px`,
        (dir) => change({ fontSize: current.fontSize + dir * FONT_SIZE.step })),
      radioGroup(doc, 'Line width', 'width', [['narrow', 'Narrow'], ['medium', 'Medium'], ['wide', 'Wide']], current.width, (width) => change({ width })),
      stepper(doc, 'Line spacing', 'spacing', ['Tighter lines', 'Looser lines'], current.lineHeight, (v) => v.toFixed(1),
        (dir) => change({ lineHeight: current.lineHeight + dir * LINE_HEIGHT.step })),
      stepper(doc, 'Letter spacing', 'letters', ['Less space between letters', 'More space between letters'], current.letterSpacing, percent,
        (dir) => change({ letterSpacing: current.letterSpacing + dir * LETTER_SPACING.step })),
      stepper(doc, 'Word spacing', 'words', ['Less space between words', 'More space between words'], current.wordSpacing, percent,
        (dir) => change({ wordSpacing: current.wordSpacing + dir * WORD_SPACING.step })),
      radioGroup(doc, 'Alignment', 'align', Object.entries(ALIGNMENTS), current.align, (align) => change({ align })),
      checkbox(doc, 'Reading aid', 'decant-line-focus', 'Line focus', 'Dims the page around a band of three lines.', current.lineFocus, (lineFocus) => change({ lineFocus })),
      radioGroup(doc, 'Save as', 'save', Object.entries(SAVE_FORMATS), current.saveFormat, (saveFormat) => change({ saveFormat })),
      reset,
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
