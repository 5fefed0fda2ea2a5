#!/usr/bin/env python3
"""Issue 8 benchmark 3, the comparison side and the set-up: 500 running medical jobs, then waiting on them.

`start`: writes --recordings WAV files of different lengths (so the jobs finish at different times), uploads them
and starts --jobs medical jobs named <prefix>NNNN over them, round robin, at most 20 Starts a second.
`wait`: what a competent sysadmin writes with boto3 to wait for those jobs: every --poll seconds a Get per pending
job (botocore standard retries), until none is pending. Prints one JSON line: jobs seen finished, how late each was
seen (now minus the job's CompletionTime, or minus the loop's start for a job already finished then), and the Gets sent.
Endpoint and credentials come from the environment (AWS_ENDPOINT_URL and friends), as for any boto3 script.
"""
import argparse
import datetime
import json
import math
import os
import struct
import sys
import tempfile
import time

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def wav_bytes(seconds, tag):
    rate = 16000
    samples = rate * seconds
    data = bytearray(struct.pack("<%dh" % samples, *(int(600 * math.sin(2 * math.pi * 220 * i / rate)) for i in range(samples))))
    data[0:4] = struct.pack("<i", tag)
    header = b"RIFF" + struct.pack("<i", 36 + len(data)) + b"WAVEfmt " + struct.pack("<ihhiihh", 16, 1, 1, rate, rate * 2, 2, 16)
    return header + b"data" + struct.pack("<i", len(data)) + bytes(data)


def start(args, transcribe, s3):
    keys = []
    with tempfile.TemporaryDirectory() as folder:
        for n in range(args.recordings):
            seconds = args.shortest + n * (args.longest - args.shortest) // max(1, args.recordings - 1)
            path = os.path.join(folder, f"length-{seconds:03d}.wav")
            with open(path, "wb") as f:
                f.write(wav_bytes(seconds, n + 1))
            key = f"wait-bench/length-{seconds:03d}.wav"
            s3.upload_file(path, args.bucket, key)
            keys.append(key)
    started = time.monotonic()
    for i in range(args.jobs):
        due = started + i / 20.0
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        transcribe.start_medical_transcription_job(
            MedicalTranscriptionJobName=f"{args.prefix}{i:04d}",
            LanguageCode="en-US",
            Media={"MediaFileUri": f"s3://{args.bucket}/{keys[i % len(keys)]}"},
            OutputBucketName=args.bucket,
            Specialty="PRIMARYCARE",
            Type="CONVERSATION",
        )
    print(json.dumps({"started": args.jobs, "seconds": round(time.monotonic() - started, 1)}))


def wait(args, transcribe):
    began = datetime.datetime.now(datetime.timezone.utc)
    pending = {f"{args.prefix}{i:04d}" for i in range(args.jobs)}
    delays = []
    gets = 0
    unanswered = 0
    while pending:
        round_started = time.monotonic()
        for name in sorted(pending):
            gets += 1
            try:
                job = transcribe.get_medical_transcription_job(MedicalTranscriptionJobName=name)["MedicalTranscriptionJob"]
            except ClientError:
                unanswered += 1  # still throttled after botocore's retries: asked again next round
                continue
            if job["TranscriptionJobStatus"] in ("COMPLETED", "FAILED"):
                pending.discard(name)
                seen = datetime.datetime.now(datetime.timezone.utc)
                delays.append((seen - max(job["CompletionTime"], began)).total_seconds())
        rest = args.poll - (time.monotonic() - round_started)
        if pending and rest > 0:
            time.sleep(rest)
    print(json.dumps({"finished": len(delays), "delays": delays, "gets": gets, "unanswered": unanswered}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["start", "wait"])
    parser.add_argument("--bucket", default="bench-visits")
    parser.add_argument("--jobs", type=int, default=500)
    parser.add_argument("--prefix", default="wait-bench-")
    parser.add_argument("--recordings", type=int, default=10)
    parser.add_argument("--shortest", type=int, default=10, help="seconds of audio of the shortest recording")
    parser.add_argument("--longest", type=int, default=100)
    parser.add_argument("--poll", type=float, default=5.0)
    args = parser.parse_args()
    config = Config(retries={"mode": "standard", "max_attempts": 10})
    transcribe = boto3.client("transcribe", config=config)
    if args.mode == "start":
        start(args, transcribe, boto3.client("s3", config=config))
    else:
        wait(args, transcribe)


if __name__ == "__main__":
    sys.exit(main())
