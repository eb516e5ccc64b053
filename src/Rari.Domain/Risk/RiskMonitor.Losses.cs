using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

// Equity readings: the UTC day and its baseline, the equity peak, and the two loss limits.
public sealed partial class RiskMonitor
{
    private void OnEquity(Builder decision, long nowMs, decimal equity)
    {
        // 1. A new UTC day: lift a daily-loss halt (when configured) before the new baseline, so that the baseline
        //    is not rebased again at the next reading.
        var dayStart = DayStartOf(nowMs);
        if (decision.State.DayStartMs is not { } currentDay || dayStart > currentDay)
        {
            if (decision.State.DayStartMs is not null && Settings.DailyLossResetsAtNewDay && decision.State.IsRestricted(null, HaltCause.DailyLoss))
            {
                decision.Emit(new TradingResumed(nowMs, null, HaltCause.DailyLoss, "a new UTC day began: the daily loss limit starts over"));
            }

            decision.Emit(new DayStarted(nowMs, dayStart, equity));
        }

        // 2. References re-armed by a resume start from this reading.
        if (decision.State.BaselineRebasePending)
        {
            decision.Emit(new DailyBaselineReset(nowMs, equity, "trading resumed after a daily-loss halt: the day's loss is measured from here"));
        }

        if (decision.State.PeakRebasePending)
        {
            decision.Emit(new EquityPeakRecorded(nowMs, equity));
        }

        // 3. A new peak, journaled only once it clears the last one by the journal step.
        var peak = decision.State.EquityPeak;
        if (equity > 0m && (peak <= 0m || (equity > peak && equity - peak >= peak * Settings.PeakJournalStep)))
        {
            decision.Emit(new EquityPeakRecorded(nowMs, equity));
        }

        CheckDailyLoss(decision, nowMs, equity);
        CheckDrawdown(decision, nowMs, equity);
    }

    private void CheckDailyLoss(Builder decision, long nowMs, decimal equity)
    {
        var state = decision.State;
        var baseline = state.DayBaselineEquity;
        var loss = baseline - equity;
        if (baseline <= 0m || state.IsRestricted(null, HaltCause.DailyLoss) || loss < baseline * Settings.MaxDailyLoss)
        {
            return;
        }

        var reason = RiskText.Of(
            $"daily loss {loss} USDT is {RiskText.Percent(loss / baseline)} of the day's starting equity {baseline} USDT, at or beyond the {RiskText.Percent(Settings.MaxDailyLoss)} limit");
        HaltForLoss(decision, nowMs, HaltCause.DailyLoss, reason);
    }

    private void CheckDrawdown(Builder decision, long nowMs, decimal equity)
    {
        var state = decision.State;
        var peak = state.EquityPeak;
        var drawdown = peak - equity;
        if (Settings.MaxDrawdown is not { } limit || peak <= 0m || state.IsRestricted(null, HaltCause.MaxDrawdown) || drawdown < peak * limit)
        {
            return;
        }

        var reason = RiskText.Of(
            $"drawdown {drawdown} USDT is {RiskText.Percent(drawdown / peak)} of the equity peak {peak} USDT, at or beyond the {RiskText.Percent(limit)} limit");
        HaltForLoss(decision, nowMs, HaltCause.MaxDrawdown, reason);
    }

    private void HaltForLoss(Builder decision, long nowMs, HaltCause cause, string reason)
    {
        decision.Emit(new TradingHalted(nowMs, null, cause, TradingState.Halted, reason));
        decision.Send(new CancelEntryOrders(null, reason));
        if (Settings.FlattenOnLossHalt)
        {
            decision.Send(new ClosePositions(null, reason));
        }
    }
}
