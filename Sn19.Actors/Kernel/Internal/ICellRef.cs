namespace Sn19.Actors.Kernel.Internal;

/// <summary>A reference that points at a cell in this process.</summary>
internal interface ICellRef
{
    IActorCell Cell { get; }
}
