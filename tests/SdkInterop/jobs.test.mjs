// The job lifecycle of all three job kinds the module drives, done by the AWS SDK for JavaScript v3 alone:
// upload → Start → Get until COMPLETED → List with filters → read the output through S3 → Delete → Get refused.

import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { before, describe, it } from 'node:test';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BadRequestException,
  DeleteCallAnalyticsJobCommand,
  DeleteMedicalTranscriptionJobCommand,
  DeleteTranscriptionJobCommand,
  GetCallAnalyticsJobCommand,
  GetMedicalTranscriptionJobCommand,
  GetTranscriptionJobCommand,
  ListCallAnalyticsJobsCommand,
  ListMedicalTranscriptionJobsCommand,
  ListTranscriptionJobsCommand,
  StartCallAnalyticsJobCommand,
  StartMedicalTranscriptionJobCommand,
  StartTranscriptionJobCommand,
} from '@aws-sdk/client-transcribe';
import { bucket, ensureBucket, captureHeaders, parseOutputUri, pollUntilFinished, readJsonObject, rejection, runId, s3Client, transcribeClient } from './lib/emulator.mjs';
import { makeWav } from './lib/wav.mjs';

const transcribe = transcribeClient();
const s3 = s3Client();
const wav = makeWav({ sampleRate: 16000, channels: 2, seconds: 4 });
const mediaKey = `${runId}/media/visit.wav`;
const mediaUri = `s3://${bucket}/${mediaKey}`;

/**
 * What differs between the job kinds: the command per operation and the member names of their shapes.
 * Everything else (the lifecycle) is the same test.
 */
const kinds = [
  {
    title: 'medical conversation',
    jobName: `${runId}-medical`,
    start: (name) =>
      new StartMedicalTranscriptionJobCommand({
        MedicalTranscriptionJobName: name,
        LanguageCode: 'en-US',
        Media: { MediaFileUri: mediaUri },
        MediaFormat: 'wav',
        OutputBucketName: bucket,
        OutputKey: `${runId}/medical-output/`,
        Specialty: 'PRIMARYCARE',
        Type: 'CONVERSATION',
        Settings: { ShowSpeakerLabels: true, MaxSpeakerLabels: 2 },
      }),
    get: (name) => new GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name }),
    list: (filter) => new ListMedicalTranscriptionJobsCommand(filter),
    delete: (name) => new DeleteMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name }),
    job: (response) => response.MedicalTranscriptionJob,
    nameOf: (job) => job.MedicalTranscriptionJobName,
    statusOf: (job) => job.TranscriptionJobStatus,
    summaries: (response) => response.MedicalTranscriptionJobSummaries,
    checkJob: (job) => {
      assert.equal(job.Specialty, 'PRIMARYCARE');
      assert.equal(job.Type, 'CONVERSATION');
      assert.equal(job.LanguageCode, 'en-US');
      assert.equal(job.Settings?.ShowSpeakerLabels, true);
      assert.equal(job.Settings?.MaxSpeakerLabels, 2);
    },
    checkOutput: (document, name) => {
      checkResultsSchema(document, name);
      const speakers = new Set(document.results.items.filter((i) => i.type === 'pronunciation').map((i) => i.speaker_label));
      assert.ok(speakers.size >= 1 && speakers.size <= 2, `speaker labels should be at most the 2 asked for, got ${[...speakers]}`);
      assert.ok(Array.isArray(document.results.speaker_labels?.segments), 'speaker partitioning writes speaker_labels.segments');
    },
  },
  {
    title: 'call analytics',
    jobName: `${runId}-analytics`,
    start: (name) =>
      new StartCallAnalyticsJobCommand({
        CallAnalyticsJobName: name,
        Media: { MediaFileUri: mediaUri },
        OutputLocation: `s3://${bucket}/${runId}/analytics-output/`,
        ChannelDefinitions: [
          { ChannelId: 0, ParticipantRole: 'AGENT' },
          { ChannelId: 1, ParticipantRole: 'CUSTOMER' },
        ],
      }),
    get: (name) => new GetCallAnalyticsJobCommand({ CallAnalyticsJobName: name }),
    list: (filter) => new ListCallAnalyticsJobsCommand(filter),
    delete: (name) => new DeleteCallAnalyticsJobCommand({ CallAnalyticsJobName: name }),
    job: (response) => response.CallAnalyticsJob,
    nameOf: (job) => job.CallAnalyticsJobName,
    statusOf: (job) => job.CallAnalyticsJobStatus,
    summaries: (response) => response.CallAnalyticsJobSummaries,
    checkJob: (job) => {
      assert.deepEqual(
        job.ChannelDefinitions.map((d) => `${d.ChannelId}:${d.ParticipantRole}`).sort(),
        ['0:AGENT', '1:CUSTOMER'],
      );
    },
    checkOutput: (document, name) => {
      assert.equal(document.JobName, name);
      assert.ok(Array.isArray(document.Transcript) && document.Transcript.length > 0, 'Transcript[] holds the turns');
      for (const turn of document.Transcript) {
        assert.ok(['AGENT', 'CUSTOMER'].includes(turn.ParticipantRole), `ParticipantRole ${turn.ParticipantRole}`);
        assert.equal(typeof turn.Content, 'string');
        assert.ok(Number.isInteger(turn.BeginOffsetMillis) && Number.isInteger(turn.EndOffsetMillis), 'offsets are integer milliseconds');
        assert.ok(turn.EndOffsetMillis >= turn.BeginOffsetMillis);
        assert.ok(Array.isArray(turn.Items) && turn.Items.length > 0, 'each turn lists its words');
      }

      assert.equal(typeof document.ConversationCharacteristics?.TotalConversationDurationMillis, 'number');
      assert.ok(Array.isArray(document.Categories?.MatchedCategories), 'Categories.MatchedCategories is an array');
    },
  },
  {
    title: 'standard transcription',
    jobName: `${runId}-standard`,
    start: (name) =>
      new StartTranscriptionJobCommand({
        TranscriptionJobName: name,
        LanguageCode: 'en-US',
        Media: { MediaFileUri: mediaUri },
        MediaFormat: 'wav',
        OutputBucketName: bucket,
        OutputKey: `${runId}/standard-output/`,
      }),
    get: (name) => new GetTranscriptionJobCommand({ TranscriptionJobName: name }),
    list: (filter) => new ListTranscriptionJobsCommand(filter),
    delete: (name) => new DeleteTranscriptionJobCommand({ TranscriptionJobName: name }),
    job: (response) => response.TranscriptionJob,
    nameOf: (job) => job.TranscriptionJobName,
    statusOf: (job) => job.TranscriptionJobStatus,
    summaries: (response) => response.TranscriptionJobSummaries,
    checkJob: (job) => {
      assert.equal(job.LanguageCode, 'en-US');
      assert.equal(job.MediaFormat, 'wav');
      assert.equal(job.MediaSampleRateHertz, 16000, 'the sample rate is read from the WAV header');
    },
    checkOutput: checkResultsSchema,
  },
];

/** The snake_case standard/medical output: results.transcripts and results.items, every number a string. */
function checkResultsSchema(document, name) {
  assert.equal(document.jobName, name);
  assert.equal(document.status, 'COMPLETED');
  assert.ok(document.results.transcripts[0].transcript.length > 0, 'results.transcripts[0].transcript has text');
  const items = document.results.items;
  assert.ok(Array.isArray(items) && items.length > 0, 'results.items is a non-empty array');
  for (const item of items) {
    assert.ok(['pronunciation', 'punctuation'].includes(item.type), `item type ${item.type}`);
    assert.equal(typeof item.alternatives[0].content, 'string');
    if (item.type === 'pronunciation') {
      assert.match(item.start_time, /^\d+(\.\d+)?$/, 'times are strings of seconds');
      assert.match(item.end_time, /^\d+(\.\d+)?$/);
      assert.match(item.alternatives[0].confidence, /^\d(\.\d+)?$/, 'confidence is a string');
    } else {
      assert.equal(item.start_time, undefined, 'punctuation has no time');
    }
  }
}

before(async () => {
  await ensureBucket(s3);
  // A Uint8Array body: the SDK sends it in one piece with a CRC32 checksum header.
  const put = await s3.send(new PutObjectCommand({ Bucket: bucket, Key: mediaKey, Body: wav, ContentType: 'audio/wav' }));
  assert.match(put.ETag ?? '', /^"[0-9a-f]{32}"$/, 'PutObject answers with the object ETag');
});

describe('S3 through the JS SDK', () => {
  it('stores and returns the WAV byte for byte', async () => {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: mediaKey }));
    assert.equal(head.ContentLength, wav.length);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: mediaKey }));
    assert.deepEqual(await got.Body.transformToByteArray(), wav);
  });

  it('accepts a streamed upload (aws-chunked with a checksum trailer)', async () => {
    const key = `${runId}/media/streamed.wav`;
    const sent = await captureHeaders(s3, () =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: Readable.from([wav.subarray(0, 70_000), wav.subarray(70_000)]), ContentLength: wav.length })),
    );
    // Pins that this really exercised the emulator's aws-chunked decoder, not a plain body.
    assert.equal(sent['x-amz-content-sha256'], 'STREAMING-UNSIGNED-PAYLOAD-TRAILER');
    assert.equal(sent['x-amz-trailer'], 'x-amz-checksum-crc32');
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.deepEqual(await got.Body.transformToByteArray(), wav);
  });

  it('signs and finds keys with spaces, plus signs and non-ASCII letters', async () => {
    const key = `${runId}/media/Visit (2) ü+ß=?&.wav`;
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: wav.subarray(0, 1000) }));
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${runId}/media/Visit` }));
    assert.deepEqual(listed.Contents?.map((o) => o.Key), [key]);
    const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    assert.deepEqual(await got.Body.transformToByteArray(), wav.subarray(0, 1000));
  });
});

for (const kind of kinds) {
  describe(`${kind.title} job through the JS SDK`, () => {
    it('starts, completes, lists, writes its output, deletes, and is gone', async () => {
      const name = kind.jobName;
      const started = kind.job(await transcribe.send(kind.start(name)));
      assert.equal(kind.nameOf(started), name);
      assert.ok(['QUEUED', 'IN_PROGRESS'].includes(kind.statusOf(started)), `a new job is queued or running, not ${kind.statusOf(started)}`);
      assert.ok(started.CreationTime instanceof Date && !Number.isNaN(started.CreationTime.getTime()), 'epoch-second timestamps parse to Dates');

      const finished = await pollUntilFinished(async () => {
        const job = kind.job(await transcribe.send(kind.get(name)));
        return { status: kind.statusOf(job), job };
      });
      assert.equal(kind.statusOf(finished), 'COMPLETED', `the job failed: ${finished.FailureReason}`);
      assert.equal(finished.Media.MediaFileUri, mediaUri);
      assert.ok(finished.CompletionTime instanceof Date && finished.CompletionTime >= finished.CreationTime);
      kind.checkJob(finished);

      const listed = await transcribe.send(kind.list({ Status: 'COMPLETED', JobNameContains: name, MaxResults: 100 }));
      assert.equal(listed.Status, 'COMPLETED');
      const summary = kind.summaries(listed).find((s) => kind.nameOf(s) === name);
      assert.ok(summary, `List with Status and JobNameContains finds ${name}`);
      assert.equal(kind.statusOf(summary), 'COMPLETED');
      const notListed = await transcribe.send(kind.list({ Status: 'FAILED', JobNameContains: name, MaxResults: 100 }));
      assert.deepEqual(kind.summaries(notListed).map(kind.nameOf), [], 'the Status filter leaves the completed job out');

      const output = parseOutputUri(finished.Transcript.TranscriptFileUri);
      assert.equal(output.bucket, bucket, 'the output goes to the bucket asked for');
      assert.ok(output.key.startsWith(`${runId}/`), `the output key ${output.key} is under the requested prefix`);
      kind.checkOutput(await readJsonObject(s3, output), name);

      await transcribe.send(kind.delete(name));
      const error = await rejection(transcribe.send(kind.get(name)));
      // The service answers a deleted or unknown job name with BadRequestException, not NotFoundException
      // (NotFoundException is what unknown categories get); the emulator imitates that.
      assert.ok(error instanceof BadRequestException, `expected BadRequestException, got ${error.name}: ${error.message}`);
      assert.equal(error.name, 'BadRequestException');
      assert.equal(error.$metadata.httpStatusCode, 400);
      assert.match(error.message, /couldn't be found/);
    });
  });
}
