using ActorEcho.Actors.Tests.Infrastructure.Runtime;
using Xunit.Abstractions;

namespace ActorEcho.Actors.Tests;

/// <summary>EventStream: channels by type hierarchy, unsubscribe, duplicates.</summary>
public sealed class EventStreamTests(ITestOutputHelper output) : ActorEcho.TestKit.TestKit(output: output)
{
    [Fact]
    public async Task Subscribe_BaseType_ReceivesDerivedEvents()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent)));

        Sys.EventStream.Publish(new DogEvent("rex"));
        Sys.EventStream.Publish("not an animal");
        Sys.EventStream.Publish(new CatEvent("tom"));

        await probe.ExpectMsgAsync(new DogEvent("rex"));
        await probe.ExpectMsgAsync(new CatEvent("tom"));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Subscribe_DerivedType_DoesNotReceiveSiblingEvents()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(DogEvent));

        Sys.EventStream.Publish(new CatEvent("tom"));
        Sys.EventStream.Publish(new DogEvent("rex"));

        await probe.ExpectMsgAsync(new DogEvent("rex"));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Subscribe_Interface_ReceivesImplementations()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(IAlarm));

        Sys.EventStream.Publish(new FireAlarm(3));

        await probe.ExpectMsgAsync(new FireAlarm(3));
    }

    [Fact]
    public async Task Unsubscribe_Channel_StopsDelivery()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent));
        Sys.EventStream.Publish(new DogEvent("before"));
        await probe.ExpectMsgAsync(new DogEvent("before"));

        Assert.True(Sys.EventStream.Unsubscribe(probe.Ref, typeof(AnimalEvent)));
        Sys.EventStream.Publish(new DogEvent("after"));

        await probe.ExpectNoMsgAsync();
        Assert.False(Sys.EventStream.Unsubscribe(probe.Ref, typeof(AnimalEvent)));
    }

    [Fact]
    public async Task Unsubscribe_AllChannels_StopsEveryDelivery()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent));
        Sys.EventStream.Subscribe(probe.Ref, typeof(IAlarm));

        Sys.EventStream.Unsubscribe(probe.Ref);
        Sys.EventStream.Publish(new DogEvent("rex"));
        Sys.EventStream.Publish(new FireAlarm(1));

        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Unsubscribe_OneOfTwoChannels_KeepsTheOther()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent));
        Sys.EventStream.Subscribe(probe.Ref, typeof(IAlarm));

        Sys.EventStream.Unsubscribe(probe.Ref, typeof(AnimalEvent));
        Sys.EventStream.Publish(new DogEvent("rex"));
        Sys.EventStream.Publish(new FireAlarm(1));

        await probe.ExpectMsgAsync(new FireAlarm(1));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Subscribe_Twice_ReturnsFalseAndDeliversOnce()
    {
        var probe = CreateTestProbe();
        Assert.True(Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent)));
        Assert.False(Sys.EventStream.Subscribe(probe.Ref, typeof(AnimalEvent)));

        Sys.EventStream.Publish(new DogEvent("rex"));

        await probe.ExpectMsgAsync(new DogEvent("rex"));
        await probe.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Publish_SeveralSubscribers_EachReceivesEventsInPublishOrder()
    {
        var a = CreateTestProbe();
        var b = CreateTestProbe();
        Sys.EventStream.Subscribe(a.Ref, typeof(AnimalEvent));
        Sys.EventStream.Subscribe(b.Ref, typeof(DogEvent));

        for (var i = 0; i < 20; i++)
        {
            Sys.EventStream.Publish(new DogEvent("dog" + i));
        }

        for (var i = 0; i < 20; i++)
        {
            await a.ExpectMsgAsync(new DogEvent("dog" + i));
            await b.ExpectMsgAsync(new DogEvent("dog" + i));
        }
    }

    [Fact]
    public void Publish_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Sys.EventStream.Publish(null!));
    }
}
