// Reads the article aloud with the browser's speech synthesis, one block (paragraph, heading,
// list item) at a time, so that the block being read can be highlighted and skipping is exact;
// where the voice reports word boundaries, it says where in the block it is.

export class Narrator {
  /**
   * @param {HTMLElement[]} blocks the elements to read, in order
   * @param {object} options `lang` (BCP 47), `rate`, `voice` (a SpeechSynthesisVoice, or null
   *   for the browser's choice), `onChange(state)` called with `{ playing, index }` whenever
   *   either changes, and `onWord(index, charIndex)` at each word boundary the voice reports
   *   (`charIndex` in `Narrator.text(block)`)
   */
  constructor(blocks, { lang, rate = 1, voice = null, onChange = () => {}, onWord = () => {} }) {
    this.blocks = blocks.filter((b) => b.textContent.trim());
    this.lang = lang;
    this.rate = rate;
    this.voice = voice;
    this.onChange = onChange;
    this.onWord = onWord;
    this.index = 0;
    this.playing = false;
    // Each utterance carries the generation it was spoken in; cancelling bumps the generation,
    // so the `end` event of a cancelled utterance does not advance.
    this.generation = 0;
  }

  /** What is said of `block`: its text, each run of white space one space. */
  static text(block) {
    return block.textContent.replace(/\s+/g, ' ').trim();
  }

  get synth() {
    return window.speechSynthesis;
  }

  notify() {
    this.onChange({ playing: this.playing, index: this.index });
  }

  speakCurrent() {
    const block = this.blocks[this.index];
    if (!block) {
      this.stop();
      return;
    }
    const generation = ++this.generation;
    const utterance = new SpeechSynthesisUtterance(Narrator.text(block));
    try {
      if (this.voice) utterance.voice = this.voice;
    } catch {
      // A voice the browser no longer has: it reads with its own choice for the language.
    }
    if (this.lang) utterance.lang = this.lang;
    utterance.rate = this.rate;
    const index = this.index;
    utterance.addEventListener('boundary', (event) => {
      if (generation === this.generation && event.name !== 'sentence') this.onWord(index, event.charIndex);
    });
    utterance.addEventListener('end', () => {
      if (generation !== this.generation || !this.playing) return;
      this.index += 1;
      if (this.index >= this.blocks.length) this.stop();
      else {
        this.notify();
        this.speakCurrent();
      }
    });
    this.synth.cancel();
    this.synth.speak(utterance);
  }

  play() {
    if (!this.blocks.length || !this.synth) return;
    this.playing = true;
    this.notify();
    this.speakCurrent();
  }

  pause() {
    this.playing = false;
    this.generation += 1;
    this.synth?.cancel();
    this.notify();
  }

  toggle() {
    if (this.playing) this.pause();
    else this.play();
  }

  skip(delta) {
    this.index = Math.min(Math.max(this.index + delta, 0), Math.max(this.blocks.length - 1, 0));
    this.notify();
    if (this.playing) this.speakCurrent();
  }

  setRate(rate) {
    this.rate = rate;
    if (this.playing) this.speakCurrent();
  }

  setVoice(voice) {
    this.voice = voice;
    if (this.playing) this.speakCurrent();
  }

  stop() {
    this.playing = false;
    this.generation += 1;
    this.synth?.cancel();
    this.index = 0;
    this.notify();
  }
}
