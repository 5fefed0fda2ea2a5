// Clients and helpers shared by the interop tests. Everything about where the emulator is comes from the
// environment variables the emulator prints, so the same tests run against any endpoint that speaks the protocol.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { S3Client, CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { TranscribeClient } from '@aws-sdk/client-transcribe';

const REQUIRED = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'];
const missing = REQUIRED.filter((name) => !process.env[name]);
if (missing.length > 0) {
  // Without these the SDK would quietly aim at real AWS; stop before any request leaves the machine.
  throw new Error(
    `Missing ${missing.join(', ')}. Start the emulator (dotnet run --project tests/TranscribePS.Emulator -- --port 0) ` +
      'and export the four lines it prints before running these tests.',
  );
}

export const endpointUrl = process.env.AWS_ENDPOINT_URL;
export const region = process.env.AWS_REGION;

/** One bucket for the whole run; every key and job name carries the run id so reruns never collide. */
export const bucket = 'transcribeps-sdk-interop';
export const runId = `interop-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/**
 * Clients built with no endpoint option: the SDK must find AWS_ENDPOINT_URL, the keys and the region in the
 * environment on its own, which is half of what this suite proves.
 * @param {import('@aws-sdk/client-transcribe').TranscribeClientConfig} [config]
 */
export function transcribeClient(config = {}) {
  return new TranscribeClient(config);
}

/**
 * Creates the run's bucket, as S3 requires before any object goes in (the endpoint answers NoSuchBucket for a
 * bucket never created). Creating it again is fine: us-east-1 answers 200, other regions BucketAlreadyOwnedByYou.
 */
export async function ensureBucket(s3) {
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (error.name !== 'BucketAlreadyOwnedByYou') {
      throw error;
    }
  }
}

/** Path-style is required: the emulator serves every bucket on one host and port. */
export function s3Client(config = {}) {
  return new S3Client({ forcePathStyle: true, ...config });
}

/**
 * Reads a job until it reaches a final status. Instant timing finishes on the first read; realistic timing
 * (the emulator's --timing realistic) takes seconds, hence the loop.
 * @param {() => Promise<{ status: string | undefined, job: object }>} read
 */
export async function pollUntilFinished(read, { timeoutMs = 120_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  const seen = [];
  for (;;) {
    const { status, job } = await read();
    seen.push(status);
    if (status === 'COMPLETED' || status === 'FAILED') {
      return job;
    }

    assert.ok(['QUEUED', 'IN_PROGRESS'].includes(status), `unexpected job status ${status}`);
    if (Date.now() > deadline) {
      throw new Error(`The job did not finish within ${timeoutMs} ms; statuses seen: ${seen.join(', ')}`);
    }

    await delay(intervalMs);
  }
}

/** Bucket and key of an output file from the https URI the service reports (https://s3.<region>.amazonaws.com/bucket/key). */
export function parseOutputUri(uri) {
  const url = new URL(uri);
  assert.equal(url.protocol, 'https:', `output URI should be https: ${uri}`);
  const [first, ...rest] = url.pathname.slice(1).split('/');
  assert.ok(first && rest.length > 0, `output URI should name a bucket and a key: ${uri}`);
  return { bucket: decodeURIComponent(first), key: rest.map(decodeURIComponent).join('/') };
}

/** Reads an output file through S3 GetObject and parses it as JSON. */
export async function readJsonObject(s3, location) {
  const response = await s3.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
  assert.match(response.ContentType ?? '', /json/, 'output files are stored as JSON');
  return JSON.parse(await response.Body.transformToString('utf-8'));
}

/**
 * Runs one call on a client and returns the headers of the request as it went on the wire (signed, encoded).
 * The capturing middleware is removed again, so the client can be shared.
 */
export async function captureHeaders(client, call) {
  const name = 'interopCaptureHeaders';
  let headers;
  client.middlewareStack.add(
    (next) => async (args) => {
      headers = { ...args.request.headers };
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name },
  );
  try {
    await call();
  } finally {
    client.middlewareStack.remove(name);
  }

  return headers;
}

/** Awaits a promise that must reject, and returns the error for typed assertions. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }

  assert.fail('the call was expected to fail but succeeded');
}
