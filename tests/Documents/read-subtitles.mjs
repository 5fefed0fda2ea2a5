// Reads SubRip and WebVTT files with third-party parsers and prints what they saw, as JSON on stdout:
// [{ path, format, errors: [...], cues: [{ start, end, voice, text }] }], times in seconds, text without markup.
// WebVTT goes through the W3C's webvtt.js (webvtt-parser), which validates as it parses; SubRip through srt-parser-2.
// Usage: node read-subtitles.mjs <file.srt|file.vtt>...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import SrtParser from 'srt-parser-2';

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser');

function textOf(node) {
  if (node.type === 'text') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function voiceOf(node) {
  if (node.type === 'object' && node.name === 'v') return node.value;
  for (const child of node.children ?? []) {
    const voice = voiceOf(child);
    if (voice) return voice;
  }
  return null;
}

function readVtt(text) {
  const parsed = new WebVTTParser().parse(text, 'subtitles');
  return {
    errors: parsed.errors.map(e => `line ${e.line}: ${e.message}`),
    cues: parsed.cues.map(c => ({ start: c.startTime, end: c.endTime, voice: voiceOf(c.tree), text: textOf(c.tree) })),
  };
}

function readSrt(text) {
  // srt-parser-2 forgives; a block it could not read shows as a missing cue, so count the timing lines too.
  const cues = new SrtParser().fromSrt(text);
  const timings = (text.match(/^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/gm) ?? []).length;
  const errors = timings === cues.length ? [] : [`${timings} timing lines but ${cues.length} cues parsed`];
  return { errors, cues: cues.map(c => ({ start: c.startSeconds, end: c.endSeconds, voice: null, text: c.text })) };
}

const results = process.argv.slice(2).map(path => {
  const text = readFileSync(path, 'utf8');
  const format = path.toLowerCase().endsWith('.vtt') ? 'vtt' : 'srt';
  return { path, format, ...(format === 'vtt' ? readVtt(text) : readSrt(text)) };
});
process.stdout.write(JSON.stringify(results));
