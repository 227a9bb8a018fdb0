using System.Buffers;
using System.Collections;

namespace ActorEcho.IO.Buffers;

public sealed partial class ByteString
{
    /// <summary>Allocation-free enumerator over the bytes; walks one segment at a time.</summary>
    public struct Enumerator : IEnumerator<byte>
    {
        private readonly ByteString _owner;
        private ReadOnlyMemory<byte> _segment;
        private int _segmentIndex;
        private int _position;

        internal Enumerator(ByteString owner)
        {
            _owner = owner;
            _segment = default;
            _segmentIndex = -1;
            _position = -1;
        }

        /// <summary>The byte at the current position.</summary>
        public readonly byte Current => _segment.Span[_position];

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next byte, moving to the next segment when the current one is exhausted.</summary>
        public bool MoveNext()
        {
            if (++_position < _segment.Length)
            {
                return true;
            }

            var count = _owner.SegmentCount;
            while (_segmentIndex + 1 < count)
            {
                _segment = _owner.GetSegment(++_segmentIndex);
                if (_segment.Length > 0)
                {
                    _position = 0;
                    return true;
                }
            }

            _position = _segment.Length;
            return false;
        }

        /// <summary>Returns to the position before the first byte.</summary>
        public void Reset()
        {
            _segment = default;
            _segmentIndex = -1;
            _position = -1;
        }

        /// <summary>Nothing to release; present for <see cref="IDisposable"/>.</summary>
        public readonly void Dispose()
        {
        }
    }

    /// <summary>The segments of a <see cref="ByteString"/>, for writers that hand each piece to a socket or pipe without copying.</summary>
    public readonly struct SegmentCollection : IEnumerable<ReadOnlyMemory<byte>>
    {
        private readonly ByteString _owner;

        internal SegmentCollection(ByteString owner) => _owner = owner;

        /// <summary>Number of segments: 0 for the empty byte string, 1 when contiguous, more for a rope.</summary>
        public int Count => _owner.SegmentCount;

        /// <summary>Enumerates the segments in order without allocating.</summary>
        public SegmentEnumerator GetEnumerator() => new(_owner);

        IEnumerator<ReadOnlyMemory<byte>> IEnumerable<ReadOnlyMemory<byte>>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Allocation-free enumerator over the segments of a <see cref="ByteString"/>.</summary>
    public struct SegmentEnumerator : IEnumerator<ReadOnlyMemory<byte>>
    {
        private readonly ByteString _owner;
        private int _index;

        internal SegmentEnumerator(ByteString owner)
        {
            _owner = owner;
            _index = -1;
        }

        /// <summary>The current segment; never empty.</summary>
        public readonly ReadOnlyMemory<byte> Current => _owner.GetSegment(_index);

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next segment.</summary>
        public bool MoveNext()
        {
            if (_index + 1 < _owner.SegmentCount)
            {
                _index++;
                return true;
            }

            _index = _owner.SegmentCount;
            return false;
        }

        /// <summary>Returns to the position before the first segment.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release; present for <see cref="IDisposable"/>.</summary>
        public readonly void Dispose()
        {
        }
    }

    /// <summary>One link of the <see cref="ReadOnlySequence{T}"/> built for a rope by <see cref="ToReadOnlySequence"/>.</summary>
    private sealed class SequenceNode : ReadOnlySequenceSegment<byte>
    {
        public SequenceNode(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public SequenceNode Append(ReadOnlyMemory<byte> memory)
        {
            var next = new SequenceNode(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
