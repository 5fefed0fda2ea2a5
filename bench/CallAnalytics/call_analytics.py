#!/usr/bin/env python3
"""Python's side of bench/CallAnalytics: json.load of a call analytics output plus a dict per item (what a script
that lists the words does), and json.load plus the call-level figures (what a script after the insight does).
Prints one JSON line: per round, wall and CPU seconds of each."""
import json
import sys
import time


def items(path):
    with open(path, "rb") as f:
        doc = json.load(f)
    job = doc.get("JobName")
    out = []
    for turn in doc["Transcript"]:
        role = turn.get("ParticipantRole")
        for item in turn.get("Items", []):
            begin = item.get("BeginOffsetMillis")
            end = item.get("EndOffsetMillis")
            out.append({"JobName": job, "Index": len(out), "Type": item.get("Type"), "Content": item.get("Content"),
                        "Confidence": item.get("Confidence"), "StartTime": None if begin is None else begin / 1000,
                        "EndTime": None if end is None else end / 1000, "Speaker": role})
    return len(out)


def insight(path):
    with open(path, "rb") as f:
        doc = json.load(f)
    c = doc["ConversationCharacteristics"]
    figures = {"Duration": c["TotalConversationDurationMillis"] / 1000, "TalkTime": c["TalkTime"],
               "Interruptions": c["Interruptions"]["TotalCount"], "Sentiment": c["Sentiment"]["OverallSentiment"],
               "Categories": doc.get("Categories", {}).get("MatchedCategories", []),
               "Issues": [t["Content"] for t in doc["Transcript"] if t.get("IssuesDetected")]}
    return len(figures["Issues"])


def timed(fn, path):
    wall, cpu = time.perf_counter(), time.process_time()
    n = fn(path)
    return n, time.perf_counter() - wall, time.process_time() - cpu


def main():
    path, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1
    items(path)  # warm the file cache, as the other side's warm-up does
    result = {"items": [], "insight": []}
    for _ in range(rounds):
        n, wall, cpu = timed(items, path)
        result["items"].append({"count": n, "wall": wall, "cpu": cpu})
        n, wall, cpu = timed(insight, path)
        result["insight"].append({"count": n, "wall": wall, "cpu": cpu})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
