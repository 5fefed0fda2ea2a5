// Call analytics categories and the service's errors as the AWS SDK for JavaScript v3 surfaces them: each modelled
// error must arrive as the SDK's own exception class, and a bad signature must be refused.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, NotFound, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import {
  BadRequestException,
  ConflictException,
  CreateCallAnalyticsCategoryCommand,
  DeleteCallAnalyticsCategoryCommand,
  GetCallAnalyticsCategoryCommand,
  ListCallAnalyticsCategoriesCommand,
  ListTranscriptionJobsCommand,
  NotFoundException,
  paginateListTranscriptionJobs,
  UpdateCallAnalyticsCategoryCommand,
  StartMedicalTranscriptionJobCommand,
  StartTranscriptionJobCommand,
  TranscribeServiceException,
} from '@aws-sdk/client-transcribe';
import { bucket, ensureBucket, rejection, runId, s3Client, transcribeClient } from './lib/emulator.mjs';
import { makeWav } from './lib/wav.mjs';

const transcribe = transcribeClient();
const s3 = s3Client();
const mediaKey = `${runId}/errors/short.wav`;
const mediaUri = `s3://${bucket}/${mediaKey}`;

before(async () => {
  await ensureBucket(s3);
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: mediaKey, Body: makeWav({ seconds: 2 }) }));
});

describe('call analytics categories through the JS SDK', () => {
  it('creates, gets, updates, lists and deletes a category, then Get answers NotFoundException', async () => {
    const name = `${runId}-escalation`;
    const rules = [
      {
        TranscriptFilter: {
          TranscriptFilterType: 'EXACT',
          Targets: ['speak to a manager'],
          ParticipantRole: 'CUSTOMER',
          RelativeTimeRange: { StartPercentage: 0, EndPercentage: 100 },
          Negate: false,
        },
      },
      { SentimentFilter: { Sentiments: ['NEGATIVE'], ParticipantRole: 'CUSTOMER' } },
    ];

    const created = await transcribe.send(new CreateCallAnalyticsCategoryCommand({ CategoryName: name, Rules: rules, InputType: 'POST_CALL' }));
    assert.equal(created.CategoryProperties.CategoryName, name);
    assert.equal(created.CategoryProperties.InputType, 'POST_CALL');
    assert.ok(created.CategoryProperties.CreateTime instanceof Date);

    const got = await transcribe.send(new GetCallAnalyticsCategoryCommand({ CategoryName: name }));
    assert.deepEqual(got.CategoryProperties.Rules, rules, 'the rules come back as they were sent');

    const quieter = [{ NonTalkTimeFilter: { Threshold: 30000, Negate: false } }];
    const updated = await transcribe.send(new UpdateCallAnalyticsCategoryCommand({ CategoryName: name, Rules: quieter }));
    assert.deepEqual(updated.CategoryProperties.Rules, quieter);
    assert.ok(updated.CategoryProperties.LastUpdateTime >= updated.CategoryProperties.CreateTime);

    const listed = await transcribe.send(new ListCallAnalyticsCategoriesCommand({ MaxResults: 100 }));
    assert.ok(listed.Categories.some((c) => c.CategoryName === name), `List finds ${name}`);

    const duplicate = await rejection(transcribe.send(new CreateCallAnalyticsCategoryCommand({ CategoryName: name, Rules: rules })));
    assert.ok(duplicate instanceof ConflictException, `expected ConflictException, got ${duplicate.name}`);

    await transcribe.send(new DeleteCallAnalyticsCategoryCommand({ CategoryName: name }));
    const error = await rejection(transcribe.send(new GetCallAnalyticsCategoryCommand({ CategoryName: name })));
    assert.ok(error instanceof NotFoundException, `expected NotFoundException, got ${error.name}: ${error.message}`);
    assert.equal(error.name, 'NotFoundException');
    assert.equal(error.$fault, 'client');
    assert.equal(error.$metadata.httpStatusCode, 404);
    assert.match(error.message, /couldn't be found/);
  });
});

describe('service errors as the JS SDK types them', () => {
  it('answers a medical job in en-GB with BadRequestException', async () => {
    const error = await rejection(
      transcribe.send(
        new StartMedicalTranscriptionJobCommand({
          MedicalTranscriptionJobName: `${runId}-en-gb`,
          LanguageCode: 'en-GB',
          Media: { MediaFileUri: mediaUri },
          OutputBucketName: bucket,
          Specialty: 'PRIMARYCARE',
          Type: 'CONVERSATION',
        }),
      ),
    );
    assert.ok(error instanceof BadRequestException, `expected BadRequestException, got ${error.name}: ${error.message}`);
    assert.ok(error instanceof TranscribeServiceException, 'modelled errors derive from the service base class');
    assert.equal(error.$metadata.httpStatusCode, 400);
    assert.match(error.message, /en-GB/);
    assert.equal(typeof error.$metadata.requestId, 'string', 'the request id reaches the SDK');
  });

  it('answers a second job of the same name with ConflictException', async () => {
    const start = () =>
      transcribe.send(
        new StartTranscriptionJobCommand({
          TranscriptionJobName: `${runId}-twice`,
          LanguageCode: 'en-US',
          Media: { MediaFileUri: mediaUri },
          OutputBucketName: bucket,
          OutputKey: `${runId}/errors/`,
        }),
      );
    await start();
    const error = await rejection(start());
    assert.ok(error instanceof ConflictException, `expected ConflictException, got ${error.name}: ${error.message}`);
    assert.equal(error.name, 'ConflictException');
    assert.equal(error.$metadata.httpStatusCode, 409);
    assert.equal(error.$metadata.attempts, 1, 'a conflict is not retried');
  });
});

describe('paging and S3 errors as the JS SDK types them', () => {
  it('pages List results through NextToken with the SDK paginator', async () => {
    const names = [1, 2, 3].map((n) => `${runId}-page-${n}`);
    for (const name of names) {
      await transcribe.send(
        new StartTranscriptionJobCommand({ TranscriptionJobName: name, LanguageCode: 'en-US', Media: { MediaFileUri: mediaUri }, OutputBucketName: bucket, OutputKey: `${runId}/pages/` }),
      );
    }

    const pages = [];
    for await (const page of paginateListTranscriptionJobs({ client: transcribe, pageSize: 2 }, { JobNameContains: `${runId}-page-` })) {
      pages.push(page.TranscriptionJobSummaries.map((s) => s.TranscriptionJobName));
    }

    assert.equal(pages.length, 2, `3 jobs at 2 a page make 2 pages, got ${JSON.stringify(pages)}`);
    assert.deepEqual(pages.flat().sort(), names);
  });

  it('answers a missing object with NoSuchKey, and HEAD of it with NotFound', async () => {
    const key = `${runId}/errors/absent.wav`;
    const get = await rejection(s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
    assert.ok(get instanceof NoSuchKey, `expected NoSuchKey, got ${get.name}: ${get.message}`);
    assert.equal(get.$metadata.httpStatusCode, 404);
    const head = await rejection(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
    assert.ok(head instanceof NotFound, `expected NotFound, got ${head.name}`);
  });
});

describe('signatures', () => {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const wrongSecret = { accessKeyId, secretAccessKey: `${process.env.AWS_SECRET_ACCESS_KEY}-but-wrong` };

  it('refuses a Transcribe call signed with the wrong secret key', async () => {
    const client = transcribeClient({ credentials: wrongSecret, maxAttempts: 1 });
    const error = await rejection(client.send(new ListTranscriptionJobsCommand({ MaxResults: 100 })));
    assert.equal(error.name, 'InvalidSignatureException', `${error.name}: ${error.message}`);
    assert.equal(error.$metadata.httpStatusCode, 403);
    assert.match(error.message, /signature/i);
  });

  it('refuses an S3 call signed with the wrong secret key', async () => {
    const client = s3Client({ credentials: wrongSecret, maxAttempts: 1 });
    const error = await rejection(client.send(new ListObjectsV2Command({ Bucket: bucket })));
    assert.ok(error instanceof S3ServiceException, `expected an S3 service error, got ${error.name}: ${error.message}`);
    assert.equal(error.name, 'SignatureDoesNotMatch');
    assert.equal(error.$metadata.httpStatusCode, 403);
  });

  it('refuses an access key the endpoint does not know', async () => {
    const client = transcribeClient({ credentials: { accessKeyId: 'AKIDNOTKNOWNHERE0000', secretAccessKey: 'x' }, maxAttempts: 1 });
    const error = await rejection(client.send(new ListTranscriptionJobsCommand({})));
    assert.equal(error.name, 'UnrecognizedClientException', `${error.name}: ${error.message}`);
    assert.equal(error.$metadata.httpStatusCode, 403);
  });
});
