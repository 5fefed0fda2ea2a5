#!/usr/bin/env python3
"""The comparison side of bench/Batch: what a competent sysadmin writes with boto3 to transcribe a folder of visits.

10 upload threads; each recording is started as soon as its upload finishes (one start loop); every 5 seconds a
Get per pending job; each finished job's transcript downloaded by 10 threads while the others still run. Throttling
is left to botocore's standard retry mode (10 attempts); a Start that still answers LimitExceededException (the
account's concurrent-job quota, or a rate storm) is tried again after the next poll, so more recordings than the
quota go through. Endpoint and credentials come from the environment (AWS_ENDPOINT_URL and friends), as for any
boto3 script. Prints one JSON line of counts at the end.
"""
import argparse
import collections
import glob
import json
import os
import queue
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="folder of .wav recordings")
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--out", required=True, help="folder for the transcripts")
    parser.add_argument("--threads", type=int, default=10)
    parser.add_argument("--poll", type=float, default=5.0)
    args = parser.parse_args()

    config = Config(retries={"mode": "standard", "max_attempts": 10}, max_pool_connections=2 * args.threads)
    s3 = boto3.client("s3", config=config)
    transcribe = boto3.client("transcribe", config=config)
    os.makedirs(args.out, exist_ok=True)

    uploaded = queue.Queue()
    errors = []

    def upload(path):
        name = os.path.splitext(os.path.basename(path))[0]
        key = "incoming/" + os.path.basename(path)
        try:
            s3.upload_file(path, args.bucket, key)
            uploaded.put((name, key))
        except (BotoCoreError, ClientError) as e:
            errors.append(f"upload {name}: {e}")
            uploaded.put(None)

    def download(name, uri):
        path = urllib.parse.urlparse(uri).path.lstrip("/")
        bucket, key = path.split("/", 1)
        try:
            s3.download_file(bucket, urllib.parse.unquote(key), os.path.join(args.out, name + ".json"))
            return True
        except (BotoCoreError, ClientError) as e:
            errors.append(f"download {name}: {e}")
            return False

    files = sorted(glob.glob(os.path.join(args.input, "*.wav")))
    uploads = ThreadPoolExecutor(args.threads)
    downloads = ThreadPoolExecutor(args.threads)
    for path in files:
        uploads.submit(upload, path)

    to_start = collections.deque()
    running = {}
    saved = []
    failed = 0
    arrived = 0
    start_blocked = False
    next_poll = time.monotonic() + args.poll
    while arrived < len(files) or to_start or running:
        while True:
            try:
                item = uploaded.get_nowait()
            except queue.Empty:
                break
            arrived += 1
            if item is not None:
                to_start.append(item)

        while to_start and not start_blocked:
            name, key = to_start[0]
            try:
                transcribe.start_medical_transcription_job(
                    MedicalTranscriptionJobName=name,
                    LanguageCode="en-US",
                    Media={"MediaFileUri": f"s3://{args.bucket}/{key}"},
                    OutputBucketName=args.bucket,
                    OutputKey="medical/",
                    Specialty="PRIMARYCARE",
                    Type="CONVERSATION",
                    Settings={"ShowSpeakerLabels": True, "MaxSpeakerLabels": 2},
                )
            except ClientError as e:
                code = e.response["Error"]["Code"]
                if code == "LimitExceededException":
                    start_blocked = True  # too many jobs (or still throttled): try again after the next poll
                    break
                if code != "ConflictException":  # Conflict: it already exists, so wait for it like the others
                    errors.append(f"start {name}: {e}")
                    to_start.popleft()
                    continue
            to_start.popleft()
            running[name] = True

        if time.monotonic() >= next_poll:
            for name in list(running):
                try:
                    job = transcribe.get_medical_transcription_job(MedicalTranscriptionJobName=name)["MedicalTranscriptionJob"]
                except ClientError:
                    continue  # still throttled after the retries: ask again next round
                status = job["TranscriptionJobStatus"]
                if status == "COMPLETED":
                    del running[name]
                    saved.append(downloads.submit(download, name, job["Transcript"]["TranscriptFileUri"]))
                elif status == "FAILED":
                    del running[name]
                    failed += 1
                    errors.append(f"job {name} failed: {job.get('FailureReason')}")
            next_poll = time.monotonic() + args.poll
            start_blocked = False
        elif not to_start or start_blocked:
            time.sleep(0.05)

    uploads.shutdown()
    downloads.shutdown()
    downloaded = sum(1 for f in saved if f.result())
    for line in errors[:5]:
        print(line, file=sys.stderr)
    print(json.dumps({"recordings": len(files), "completed": len(saved), "failed": failed,
                      "downloaded": downloaded, "errors": len(errors)}))


if __name__ == "__main__":
    main()
