namespace Ltv.Core.Probabilistic.Models;

/// <summary>
/// Pareto/NBD predictions over distinct patterns: P(alive) with ln G computed once per distinct (x, t_x) and (x, T)
/// pair, E[Y(t) | alive] once per pattern, and the DERT integral once per distinct T (it depends on β + T only).
/// </summary>
internal static class ParetoNbdBulk
{
    /// <summary>Per pattern: P(alive) into <paramref name="alive"/>, and when not empty E[Y(t) | x, t_x, T] into <paramref name="expected"/> and DERT at rate δ into <paramref name="dert"/>.</summary>
    public static void Compute(ParetoNbdModel m, PatternIndex patterns, double t, double delta, Span<double> alive, Span<double> expected, Span<double> dert)
    {
        double r = m.R, alpha = m.Alpha, s = m.S, beta = m.Beta, logS = Math.Log(s);
        var logG = new Dictionary<(double X, double Y), double>();
        double LogG(double x, double y)
        {
            if (!logG.TryGetValue((x, y), out var value))
            {
                value = ParetoNbdLikelihood.LogG(r, alpha, s, beta, x, y);
                logG.Add((x, y), value);
            }

            return value;
        }

        var integral = dert.IsEmpty ? null : new Dictionary<double, double>();
        for (var k = 0; k < patterns.Count; k++)
        {
            double x = patterns.X[k], tx = patterns.Recency[k], T = patterns.Age[k];
            var bracket = ParetoNbdLikelihood.LogBracket(r, alpha, s, beta, logS, x, tx, T, tx < T ? LogG(x, tx) : 0, tx < T ? LogG(x, T) : 0, out var logAlive);
            var p = Math.Clamp(Math.Exp(logAlive - bracket), 0, 1);
            alive[k] = p;
            if (!expected.IsEmpty)
            {
                expected[k] = p * m.GivenAlive(t, x, T);
            }

            if (integral is not null)
            {
                if (!integral.TryGetValue(T, out var residual))
                {
                    residual = ParetoNbdDert.ResidualIntegral(s, beta + T, delta);
                    integral.Add(T, residual);
                }

                dert[k] = p * (r + x) / (alpha + T) * residual;
            }
        }
    }
}
