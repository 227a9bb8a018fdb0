namespace ActorEcho.TestKit.Tests;

/// <summary>
/// Waits until told messages have reached a kit's queue. The test actor delivers on the thread pool, so on a loaded
/// machine a message told just before a short failing expectation may arrive after its deadline; the tests that assert
/// on what "was received" wait for the arrival first, so that only the expectation under test is timed.
/// </summary>
internal static class Arrivals
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static Task QueuedAsync(this TestKitBase kit, int count) =>
        kit.AwaitConditionAsync(() => kit.QueuedMessageCount >= count, Patience, TimeSpan.FromMilliseconds(5), message: $"{count} message(s) to arrive in the queue");
}
