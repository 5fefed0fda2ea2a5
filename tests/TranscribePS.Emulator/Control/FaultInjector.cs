namespace TranscribePS.Emulator.Control;

/// <summary>The decision for one call: total delay to add, then at most one terminal fault.</summary>
public sealed record FaultDecision(TimeSpan Delay, FaultRule? Terminal);

/// <summary>Holds the scripted fault rules and decides, call by call, which apply.</summary>
public sealed class FaultInjector
{
    private readonly List<(FaultRule Rule, int Calls)> _rules = [];
    private readonly object _lock = new();
    private readonly Random _random;

    public FaultInjector(int? seed = null) => _random = seed is null ? new Random() : new Random(seed.Value);

    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_lock)
            {
                return _rules.Select(r => r.Rule).ToList();
            }
        }
    }

    /// <exception cref="ArgumentException">The rule is inconsistent (message says which field).</exception>
    public void Add(FaultRule rule)
    {
        var problem = rule.Validate();
        if (problem.Length > 0)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        lock (_lock)
        {
            _rules.Add((rule, 0));
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// Counts this call against every rule for its operation but <see cref="FaultAction.CutRequest"/> (see
    /// <see cref="EvaluateOnArrival"/>) and returns what to do with it.
    /// </summary>
    public FaultDecision Evaluate(string operation) => Evaluate(operation, onArrival: false);

    /// <summary>
    /// Counts a call that has just arrived, its body not yet read, against the <see cref="FaultAction.CutRequest"/>
    /// rules for its operation and returns the one that cuts it, if any.
    /// </summary>
    public FaultRule? EvaluateOnArrival(string operation) => Evaluate(operation, onArrival: true).Terminal;

    private FaultDecision Evaluate(string operation, bool onArrival)
    {
        var delay = TimeSpan.Zero;
        FaultRule? terminal = null;
        lock (_lock)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, calls) = _rules[i];
                if ((rule.Operation != operation && rule.Operation != "*") || (rule.Action == FaultAction.CutRequest) != onArrival)
                {
                    continue;
                }

                _rules[i] = (rule, ++calls);
                if (!rule.Covers(calls) || (rule.Probability < 1 && _random.NextDouble() >= rule.Probability))
                {
                    continue;
                }

                if (rule.Action == FaultAction.Latency)
                {
                    delay += TimeSpan.FromMilliseconds(rule.LatencyMilliseconds);
                }
                else
                {
                    terminal ??= rule;
                }
            }
        }

        return new FaultDecision(delay, terminal);
    }
}
