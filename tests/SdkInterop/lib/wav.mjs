// A PCM WAV written byte by byte, so the test owns its media and needs no fixture files.

const BITS_PER_SAMPLE = 16;

/**
 * Builds a 16-bit PCM WAV file. Each channel carries its own tone so a two-channel recording really has
 * different content on channel 0 (the agent's side) and channel 1 (the customer's).
 * @param {{ sampleRate?: number, channels?: number, seconds?: number }} [options]
 * @returns {Uint8Array}
 */
export function makeWav({ sampleRate = 16000, channels = 2, seconds = 3 } = {}) {
  const frames = Math.round(sampleRate * seconds);
  const blockAlign = channels * (BITS_PER_SAMPLE / 8);
  const dataBytes = frames * blockAlign;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const ascii = (offset, text) => {
    for (let i = 0; i < text.length; i++) {
      view.setUint8(offset + i, text.charCodeAt(i));
    }
  };

  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for plain PCM
  view.setUint16(20, 1, true); // format tag 1 = PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, BITS_PER_SAMPLE, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);

  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      const hertz = 220 * (channel + 1);
      const sample = Math.round(8000 * Math.sin((2 * Math.PI * hertz * frame) / sampleRate));
      view.setInt16(44 + frame * blockAlign + channel * 2, sample, true);
    }
  }

  return new Uint8Array(buffer);
}
