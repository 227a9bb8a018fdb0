namespace ActorEcho.Hosting.Tests;

public sealed class ActorRegistryTests : IAsyncLifetime
{
    private readonly ActorSystem _system = ActorSystem.Create("registry");
    private readonly ActorRegistry _registry = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _system.Terminate();

    [Fact]
    public void Register_ThenGet_ReturnsTheActor()
    {
        var actor = NewActor("a");

        _registry.Register<First>(actor);

        Assert.Same(actor, _registry.Get<First>());
        Assert.True(_registry.TryGet<First>(out var found));
        Assert.Same(actor, found);
        Assert.Same(actor, _registry.Actors[typeof(First)]);
    }

    [Fact]
    public void Get_Missing_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => _registry.Get<First>());

        Assert.Contains(typeof(First).FullName!, ex.Message, StringComparison.Ordinal);
        Assert.False(_registry.TryGet<First>(out _));
    }

    [Fact]
    public void Register_SameKeyTwice_ThrowsNamingKeyAndBothActors()
    {
        _registry.Register<First>(NewActor("a"));

        var ex = Assert.Throws<DuplicateActorRegistrationException>(() => _registry.Register<First>(NewActor("b")));

        Assert.Equal(typeof(First), ex.Key);
        Assert.Contains($"'{typeof(First).FullName}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/user/a", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/user/b", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRegister_SameKeyTwice_KeepsTheFirst()
    {
        var first = NewActor("a");

        Assert.True(_registry.TryRegister<First>(first));
        Assert.False(_registry.TryRegister<First>(NewActor("b")));
        Assert.Same(first, _registry.Get<First>());
    }

    [Fact]
    public async Task GetAsync_BeforeRegistration_CompletesWhenRegistered()
    {
        var waiting = _registry.GetAsync<First>();
        var other = _registry.GetAsync<Second>();
        Assert.False(waiting.IsCompleted);

        var actor = NewActor("a");
        _registry.Register<First>(actor);

        Assert.Same(actor, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(other.IsCompleted);
    }

    [Fact]
    public async Task GetAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        var waiting = _registry.GetAsync<First>(cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task GetAsync_RegistryClosed_FailsPendingAndLaterWaitsForMissingKeys()
    {
        var pending = _registry.GetAsync<First>();
        var registered = NewActor("s");
        _registry.Register<Second>(registered);

        _registry.Close("the actor system terminated");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("the actor system terminated", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _registry.GetAsync<First>());
        Assert.Same(registered, await _registry.GetAsync<Second>());
    }

    private IActorRef NewActor(string name) => _system.ActorOf(Props.Create(() => new Idle()), name);

    private sealed class First;

    private sealed class Second;

    private sealed class Idle : ActorBase
    {
        protected override bool Receive(object message) => false;
    }
}
