namespace TranscribePS.Core.Transcripts;

/// <summary>
/// Labels keyed by time: the speaker of each word from <c>speaker_labels.segments[].items[]</c> (exact start/end
/// entries) and of each segment (ranges), or the roles of HealthScribe segments (ranges only).
/// </summary>
/// <remarks>
/// Stored as parallel arrays (about 20 bytes per word) and looked up with a cursor that moves forward as the words
/// do, so joining n words costs O(n) for items in time order; an out-of-order lookup falls back to binary search.
/// </remarks>
internal sealed class TimeLabels
{
    private const double Tolerance = 0.0005;

    private readonly List<string> _labels = [];
    private readonly Dictionary<string, int> _labelIndex = new(StringComparer.Ordinal);
    private readonly Entries _points = new();
    private readonly Entries _ranges = new();

    public bool IsEmpty => _points.Count == 0 && _ranges.Count == 0;

    /// <summary>An exact word entry: a word starting at <paramref name="start"/> belongs to <paramref name="label"/>.</summary>
    public void AddPoint(double start, double end, string label) => _points.Add(start, end, IndexOf(label));

    /// <summary>A range: words starting inside [start, end] belong to <paramref name="label"/> unless a point says otherwise.</summary>
    public void AddRange(double start, double end, string label) => _ranges.Add(start, end, IndexOf(label));

    /// <summary>Sorts the entries once they are all in (files list them in time order, so this is usually a no-op).</summary>
    public void Seal()
    {
        _points.Seal();
        _ranges.Seal();
    }

    /// <summary>The label of a word, or null when no entry covers it.</summary>
    public string? Find(double start, double? end)
    {
        int point = _points.FindStart(start, end);
        if (point >= 0)
        {
            return _labels[point];
        }

        int range = _ranges.FindContaining(start);
        return range >= 0 ? _labels[range] : null;
    }

    private int IndexOf(string label)
    {
        if (!_labelIndex.TryGetValue(label, out int index))
        {
            index = _labels.Count;
            _labels.Add(label);
            _labelIndex.Add(label, index);
        }

        return index;
    }

    /// <summary>Parallel arrays of (start, end, label index) with a forward-moving lookup hint.</summary>
    private sealed class Entries
    {
        private double[] _starts = new double[16];
        private double[] _ends = new double[16];
        private int[] _labels = new int[16];
        private int _hint;

        public int Count { get; private set; }

        public void Add(double start, double end, int label)
        {
            if (Count == _starts.Length)
            {
                Array.Resize(ref _starts, Count * 2);
                Array.Resize(ref _ends, Count * 2);
                Array.Resize(ref _labels, Count * 2);
            }

            _starts[Count] = start;
            _ends[Count] = end;
            _labels[Count] = label;
            Count++;
        }

        public void Seal()
        {
            for (int i = 1; i < Count; i++)
            {
                if (_starts[i] < _starts[i - 1])
                {
                    var order = Enumerable.Range(0, Count).OrderBy(k => _starts[k]).ThenBy(k => _ends[k]).ToArray();
                    _starts = order.Select(k => _starts[k]).ToArray();
                    _ends = order.Select(k => _ends[k]).ToArray();
                    _labels = order.Select(k => _labels[k]).ToArray();
                    return;
                }
            }
        }

        /// <summary>Label index of the entry starting at <paramref name="start"/> (and ending at end, among equals).</summary>
        public int FindStart(double start, double? end)
        {
            int i = LowerBound(start - Tolerance);
            int found = -1;
            for (; i < Count && _starts[i] <= start + Tolerance; i++)
            {
                if (found < 0 || (end is { } e && Math.Abs(_ends[i] - e) <= Tolerance))
                {
                    found = i;
                }
            }

            return found >= 0 ? _labels[found] : -1;
        }

        /// <summary>Label index of the last entry whose range holds <paramref name="time"/>.</summary>
        public int FindContaining(double time)
        {
            int last = LowerBound(time + Tolerance) - 1;
            for (int i = last; i >= 0 && i >= last - 2; i--)
            {
                if (time <= _ends[i] + Tolerance)
                {
                    return _labels[i];
                }
            }

            return -1;
        }

        /// <summary>First index whose start is ≥ <paramref name="value"/>, moving the hint forward when it can.</summary>
        private int LowerBound(double value)
        {
            int i = _hint;
            if (i > Count || (i > 0 && _starts[i - 1] >= value))
            {
                i = BinarySearch(value);
            }
            else
            {
                // Items arrive in time order: a few steps forward from the last answer, usually one.
                int steps = 0;
                while (i < Count && _starts[i] < value)
                {
                    i++;
                    if (++steps == 64)
                    {
                        i = BinarySearch(value);
                        break;
                    }
                }
            }

            _hint = i;
            return i;
        }

        private int BinarySearch(double value)
        {
            int lo = 0;
            int hi = Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_starts[mid] < value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}

/// <summary>PHI entity spans of a medical transcript (<c>results.entities[]</c>).</summary>
internal sealed class PhiSpans
{
    private const double Tolerance = 0.0005;
    private readonly List<(double Start, double End, string Category)> _spans = [];
    private bool _sorted = true;

    public void Add(double start, double end, string category)
    {
        if (_spans.Count > 0 && start < _spans[^1].Start)
        {
            _sorted = false;
        }

        _spans.Add((start, end, category));
    }

    public void Seal()
    {
        if (!_sorted)
        {
            _spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            _sorted = true;
        }
    }

    /// <summary>The category of the entity whose time span holds the word, or null.</summary>
    public string? Find(double start, double? end)
    {
        int lo = 0;
        int hi = _spans.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_spans[mid].Start <= start + Tolerance)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        // Spans may nest or overlap; look back over those starting before the word.
        for (int i = lo - 1; i >= 0 && i >= lo - 4; i--)
        {
            var span = _spans[i];
            if (start >= span.Start - Tolerance && (end ?? start) <= span.End + Tolerance)
            {
                return span.Category;
            }
        }

        return null;
    }
}
