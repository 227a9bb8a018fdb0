using ActorEcho.Actors.Dispatch;
using ActorEcho.Actors.Event;
using Microsoft.Extensions.Logging;

namespace ActorEcho.Actors.Internal;

/// <summary>Creation, failure, restart and termination, in Akka.NET's order.</summary>
internal sealed partial class ActorCell
{
    private void HandleCreate()
    {
        if (IsTerminating)
        {
            return;
        }

        try
        {
            _actor = NewActor();
            _state |= CellState.Created;
            _actor.AroundPreStart();
            PublishLifecycle(ActorLifecycleStage.Started, null);
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            HandleInvokeFailure(ex is ActorInitializationException ? ex : new ActorInitializationException($"Exception while creating {Self.Path}: {ex.Message}", ex));
        }
    }

    private ActorBase NewActor()
    {
        _behavior = null;
        var previous = t_current;
        var previousCreating = t_creating; // a factory may create another actor first, inline, before this one's constructor runs
        t_current = this;
        t_creating = this;
        try
        {
            var actor = Props.NewActor();
            if (!ReferenceEquals(actor.CellOrNull, this))
            {
                throw new IllegalActorStateException($"The factory in the Props of {Self.Path} returned an actor that was not created by it; create the actor inside the factory.");
            }

            actor.FinishConstruction();
            if (actor is IWithStash withStash)
            {
                withStash.Stash = Extras.Stash ??= new UnboundedStash(this);
            }

            if (actor is IWithTimers withTimers)
            {
                withTimers.Timers = Extras.Timers ??= new TimerScheduler(this);
            }

            return actor;
        }
        finally
        {
            t_current = previous;
            t_creating = previousCreating;
        }
    }

    /// <summary>
    /// The actor's code threw: suspend it and its children and report to the parent, who decides.
    /// A failure while stopping is only logged, there is nothing left to supervise.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause, IActorRef? perpetrator = null)
    {
        if (IsTerminating)
        {
            RuntimeLog.Log(LogLevel.Error, cause, "Actor {Path} failed while stopping: {Reason}", Self.Path, cause.Message);
            return;
        }

        if ((_state & CellState.Failed) != 0)
        {
            return; // already suspended and reported; the supervisor's answer is on its way
        }

        _state |= CellState.Failed;
        Mailbox.SuspendCount++;
        if (_currentMessage is not null || perpetrator is not null)
        {
            Extras.FailedMessage = _currentMessage;
            Extras.Perpetrator = perpetrator;
        }

        SuspendChildren(except: perpetrator);
        Parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    private void HandleSuspend()
    {
        Mailbox.SuspendCount++;
        SuspendChildren();
    }

    private void HandleResume(Exception? causedByFailure)
    {
        if (IsTerminating)
        {
            return;
        }

        IActorRef? perpetrator = null;
        if (causedByFailure is not null)
        {
            _state &= ~CellState.Failed;
            if (_extras is { } extras)
            {
                perpetrator = extras.Perpetrator;
                extras.Perpetrator = null;
                extras.FailedMessage = null;
            }
        }

        if (Mailbox.SuspendCount > 0)
        {
            Mailbox.SuspendCount--;
        }

        ResumeChildren(causedByFailure, perpetrator);
    }

    /// <summary>Restart: PreRestart (which stops the children by default), wait for stopping children, then a fresh instance.</summary>
    private void HandleRecreate(Exception cause)
    {
        if (IsTerminating)
        {
            return;
        }

        var failedActor = _actor;
        if (failedActor is not null)
        {
            CancelTimersAndReceiveTimeout();
            try
            {
                failedActor.AroundPreRestart(cause, _extras?.FailedMessage ?? _currentMessage);
            }
            catch (Exception ex) when (IsNonFatal(ex))
            {
                RuntimeLog.Log(LogLevel.Error, ex, "PreRestart of {Path} threw: {Reason}", Self.Path, ex.Message);
            }

            // The old instance is done (its PreRestart ran PostStop): a stop before the new one exists must not run PostStop again.
            _actor = null;
            ReleaseActor(failedActor);
        }

        _extras?.BehaviorStack?.Clear();
        if (_extras is not null)
        {
            _extras.Strategy = null;
            _extras.FailedMessage = null;
            _extras.Perpetrator = null;
        }

        _currentMessage = null;
        _currentSender = null;
        _state &= ~CellState.AsyncPending;
        if (HasStoppingChildren())
        {
            Extras.PendingRestartCause = cause;
            _state |= CellState.WaitingForChildrenToRestart;
            return;
        }

        FinishRecreate(cause);
    }

    private void FinishRecreate(Exception cause)
    {
        _state &= ~(CellState.WaitingForChildrenToRestart | CellState.Failed);
        if (_extras is not null)
        {
            _extras.PendingRestartCause = null;
        }

        var survivors = LiveChildEntries();
        try
        {
            _actor = NewActor();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            if (Mailbox.SuspendCount > 0)
            {
                Mailbox.SuspendCount--;
            }

            HandleInvokeFailure(new ActorInitializationException($"Exception while restarting {Self.Path}: {ex.Message}", ex));
            return;
        }

        System.Metrics.OnRestart();
        PublishLifecycle(ActorLifecycleStage.Restarted, cause);
        if (Mailbox.SuspendCount > 0)
        {
            Mailbox.SuspendCount--;
        }

        // Children that PreRestart chose to keep are restarted too (they were suspended when this actor failed).
        foreach (var survivor in survivors)
        {
            survivor.Self.SendSystemMessage(new Recreate(cause));
        }
    }

    /// <summary>Stop: children first, then PostStop, then the mailbox closes and watchers and the parent hear of it.</summary>
    private void HandleTerminate()
    {
        if (IsTerminating)
        {
            return;
        }

        _state |= CellState.Terminating;
        CancelTimersAndReceiveTimeout();
        var children = LiveChildEntries();
        foreach (var child in children)
        {
            StopChild(child.Self);
        }

        if (!HasChildren)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        if ((_state & CellState.Terminated) != 0)
        {
            return;
        }

        _state |= CellState.Terminated;
        var actor = _actor;
        try
        {
            if (actor is not null)
            {
                actor.AroundPostStop();
            }
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            RuntimeLog.Log(LogLevel.Error, ex, "PostStop of {Path} threw: {Reason}", Self.Path, ex.Message);
        }
        finally
        {
            if (actor is not null)
            {
                ReleaseActor(actor);
            }

            DrainStashToDeadLetters();
            Mailbox.Close();
            TellWatchersWeDied();
            UnwatchWatchedActors();
            PublishLifecycle(ActorLifecycleStage.Stopped, null);
            _actor = null;
            _behavior = null;
            _currentMessage = null;
            _currentSender = null;
            _extras = null;
            _watch = null;
        }
    }

    /// <summary>Runs the Props' release callback for an instance that is done; its failure is logged, the actor's fate is already decided.</summary>
    private void ReleaseActor(ActorBase actor)
    {
        try
        {
            Props.Release(actor);
        }
        catch (Exception ex) when (IsNonFatal(ex))
        {
            RuntimeLog.Log(LogLevel.Error, ex, "Releasing the instance of {Path} threw: {Reason}", Self.Path, ex.Message);
        }
    }

    private void PublishLifecycle(ActorLifecycleStage stage, Exception? cause)
    {
        if (System.EventStream.HasSubscribers(typeof(ActorLifecycleEvent)))
        {
            System.EventStream.Publish(new ActorLifecycleEvent(Self, stage, cause));
        }
    }

    private void CancelTimersAndReceiveTimeout()
    {
        if (_extras is { } extras)
        {
            extras.Timers?.CancelAll();
            extras.ReceiveTimeoutTimer?.Dispose();
            extras.ReceiveTimeoutTimer = null;
            extras.ReceiveTimeout = null;
        }
    }

    /// <summary>A child stopped: forget it, then continue a pending stop or restart that waited for it.</summary>
    private void HandleChildTerminated(IActorRef child)
    {
        if (!RemoveChild(child))
        {
            return;
        }

        if ((_state & CellState.Terminating) != 0)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }
        }
        else if ((_state & CellState.WaitingForChildrenToRestart) != 0 && !HasStoppingChildren())
        {
            FinishRecreate(_extras!.PendingRestartCause!);
        }
    }
}
