namespace Appliance.Host.Runtime;

/// <summary>
/// Runs the conversation loop on a thread of its own. With <see cref="BlockingCapture"/> under it the
/// loop body (wake word, VAD, barge-in) never waits in the thread pool's queue, where admin API requests
/// wait too: under API load the pool queue grows, this thread does not care. Priority AboveNormal is
/// best effort (raising a Linux nice value needs CAP_SYS_NICE, which the unit does not grant).
/// </summary>
internal static class AudioLoopThread
{
    public static Task Run(Func<Task> loop, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                loop().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (OperationCanceledException e)
            {
                done.SetCanceled(e.CancellationToken);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = name,
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }
}
