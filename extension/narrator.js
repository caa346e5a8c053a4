// Reads the article aloud with the browser's speech synthesis, one block (paragraph, heading,
// list item) at a time, so that the block being read can be highlighted and skipping is exact.

export class Narrator {
  /**
   * @param {HTMLElement[]} blocks the elements to read, in order
   * @param {object} options `lang` (BCP 47), `rate`, and `onChange(state)` called with
   *   `{ playing, index }` whenever either changes
   */
  constructor(blocks, { lang, rate = 1, onChange = () => {} }) {
    this.blocks = blocks.filter((b) => b.textContent.trim());
    this.lang = lang;
    this.rate = rate;
    this.onChange = onChange;
    this.index = 0;
    this.playing = false;
    // Each utterance carries the generation it was spoken in; cancelling bumps the generation,
    // so the `end` event of a cancelled utterance does not advance.
    this.generation = 0;
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
    const utterance = new SpeechSynthesisUtterance(block.textContent.replace(/\s+/g, ' ').trim());
    if (this.lang) utterance.lang = this.lang;
    utterance.rate = this.rate;
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

  stop() {
    this.playing = false;
    this.generation += 1;
    this.synth?.cancel();
    this.index = 0;
    this.notify();
  }
}
