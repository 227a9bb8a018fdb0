namespace ActorEcho.Server.Tests;

/// <summary>The ring buffer of ack marks: FIFO order across growth and wrap-around, removal from the newest end.</summary>
public sealed class AckMarksTests
{
    [Fact]
    public void Dequeue_AfterGrowthAndWrap_ReturnsMarksInOrder()
    {
        var marks = new AckMarks();
        long next = 0;
        long expected = 0;
        for (var round = 0; round < 5; round++)
        {
            for (var i = 0; i < 7; i++)
            {
                marks.Enqueue(++next);
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(++expected, marks.Dequeue());
            }
        }

        Assert.Equal(10, marks.Count);
        Assert.Equal(next, marks.Last);
    }

    [Fact]
    public void RemoveLast_DropsNewestMarkOnly()
    {
        var marks = new AckMarks();
        marks.Enqueue(10);
        marks.Enqueue(20);
        marks.Enqueue(30);

        marks.RemoveLast();

        Assert.Equal(2, marks.Count);
        Assert.Equal(20, marks.Last);
        Assert.Equal(10, marks.Dequeue());
    }

    [Fact]
    public void RemoveLast_Empty_DoesNothing()
    {
        var marks = new AckMarks();

        marks.RemoveLast();

        Assert.Equal(0, marks.Count);
    }
}
