// The emulator's throttling answers must be ones another SDK recognises as retryable: a throttled call is retried
// by the JS SDK's standard retry strategy and then succeeds. Uses the emulator's admin routes to script the
// faults, so it skips itself against an endpoint without them.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HeadBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ListCallAnalyticsCategoriesCommand } from '@aws-sdk/client-transcribe';
import { bucket, ensureBucket, endpointUrl, runId, s3Client, transcribeClient } from './lib/emulator.mjs';

const admin = (path) => new URL(`/_emulator/${path}`, endpointUrl);
let adminRoutes = false;

/** Scripts one fault rule: the first call of the operation after this is hit. */
async function throttleFirstCall(operation) {
  const response = await fetch(admin('faults'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ operation, action: 'Throttle', firstCall: 1, lastCall: 1 }),
  });
  assert.equal(response.status, 201, `the fault rule was refused: ${await response.text()}`);
}

before(async () => {
  await ensureBucket(s3Client());
  try {
    adminRoutes = (await fetch(admin('health'))).ok;
  } catch {
    adminRoutes = false;
  }
});

after(async () => {
  if (adminRoutes) {
    await fetch(admin('faults'), { method: 'DELETE' });
  }
});

describe('throttling answers the JS SDK retries', () => {
  // Operations no other test file calls, so a rule cannot hit a test running beside this one.
  it('retries LimitExceededException from Transcribe and then succeeds', async (t) => {
    if (!adminRoutes) {
      t.skip('no /_emulator/ admin routes at this endpoint');
      return;
    }

    await throttleFirstCall('ListCallAnalyticsCategories');
    const client = transcribeClient({ maxAttempts: 3 });
    const answer = await client.send(new ListCallAnalyticsCategoriesCommand({ MaxResults: 100 }));
    assert.equal(answer.$metadata.attempts, 2, 'one throttled attempt, one that succeeded');
    assert.ok(answer.$metadata.totalRetryDelay > 0, 'the SDK backed off before retrying');
  });

  it('retries S3 SlowDown and then succeeds', async (t) => {
    if (!adminRoutes) {
      t.skip('no /_emulator/ admin routes at this endpoint');
      return;
    }

    const client = s3Client({ maxAttempts: 3 });
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${runId}/retries/marker`, Body: 'x' }));
    await throttleFirstCall('HeadBucket');
    const answer = await client.send(new HeadBucketCommand({ Bucket: bucket }));
    assert.equal(answer.$metadata.attempts, 2, 'one SlowDown attempt, one that succeeded');
  });
});
