// The simulation's one thread of execution: a queue of ready tasks and a virtual clock with its timers.
package org.bgpekko.sim;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every dispatcher of a simulated ActorSystem runs its mailboxes here ({@link SimDispatcher}) and every timer of it
 * is one of this loop's ({@link VirtualScheduler}). The loop runs the ready tasks one at a time, in the order they
 * were posted; when none is left, the virtual clock jumps to the earliest timer, whose tasks run next (timers due at
 * the same instant in the order they were set). Nothing here reads a real clock, so the same posts give the same
 * run. A task posted from another thread is still run (here), but counted in {@link #foreignPosts()}: something
 * escaped the simulation, and its run is no longer guaranteed to repeat.
 */
public final class SimLoop {
    private static final Map<String, SimLoop> LOOPS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /** One timer: due at {@code due} virtual nanoseconds; {@code seq} orders timers due at the same instant. */
    final class Timer implements Comparable<Timer> {
        final long due;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long due, long seq, Runnable task) {
            this.due = due;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timer o) {
            return due != o.due ? Long.compare(due, o.due) : Long.compare(seq, o.seq);
        }

        /**
         * Cancelled timers stay queued and are skipped when due (a hold timer is restarted at every message:
         * removing each would cost a search for it); they are swept out when they are most of the queued.
         *
         * @return false if it had run or was cancelled already
         */
        boolean cancel() {
            synchronized (SimLoop.this) {
                if (cancelled) {
                    return false;
                }
                cancelled = true;
                if (++cancelledQueued > 1024 && cancelledQueued > queued / 2) {
                    sweep();
                }
                return true;
            }
        }
    }

    final String id;
    /** The timers set with one delay, in the order they are due: the clock never goes back, so it is their order. */
    private static final class Lane implements Comparable<Lane> {
        final long delay;
        final ArrayDeque<Timer> timers = new ArrayDeque<>();

        Lane(long delay) {
            this.delay = delay;
        }

        @Override
        public int compareTo(Lane o) {
            return timers.peekFirst().compareTo(o.timers.peekFirst());
        }
    }

    private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
    /**
     * The timers, by delay: a few delays (a link's latency, a hold time, a keepalive interval) set almost all of them,
     * so the earliest timer is the earliest of the lanes' first ones, and setting one is an append, not a heap insert
     * among thousands.
     */
    private final Map<Long, Lane> lanes = new java.util.HashMap<>();
    /** The lanes with a timer, by their first one. */
    private final PriorityQueue<Lane> heads = new PriorityQueue<>();
    /** Timers in the lanes, cancelled ones included. */
    private int queued;
    private final Executor executor = new Executor();
    private final Thread owner;
    private long now;
    private long seq;
    private long tasksRun;
    private long foreignPosts;
    /** Cancelled timers still in {@link #timers}. */
    private int cancelledQueued;

    private SimLoop() {
        this.id = "sim-loop-" + IDS.incrementAndGet();
        this.owner = Thread.currentThread();
    }

    /** A new loop, owned by the calling thread (the only one that may {@link #run} it). */
    public static SimLoop create() {
        SimLoop loop = new SimLoop();
        LOOPS.put(loop.id, loop);
        return loop;
    }

    static SimLoop byId(String id) {
        SimLoop loop = LOOPS.get(id);
        if (loop == null) {
            throw new IllegalStateException("no simulation loop " + id);
        }
        return loop;
    }

    /** Forgets the loop (its system terminated): the dispatcher configuration no longer finds it. */
    public void close() {
        LOOPS.remove(id);
    }

    /** What the system's start posted from its own thread is forgotten: from now on, only the loop's thread posts. */
    synchronized void startsHere() {
        foreignPosts = 0;
    }

    /** The virtual time, in nanoseconds since the loop started. */
    public synchronized long nanos() {
        return now;
    }

    public synchronized long tasksRun() {
        return tasksRun;
    }

    /** Tasks posted from a thread other than the loop's: each one is a possible source of a different run. */
    public synchronized long foreignPosts() {
        return foreignPosts;
    }

    /** The executor every simulated dispatcher runs on. */
    java.util.concurrent.ExecutorService executor() {
        return executor;
    }

    /** Posts a task to run as soon as the ones before it ran. */
    public void post(Runnable task) {
        synchronized (this) {
            if (Thread.currentThread() != owner) {
                foreignPosts++;
            }
            ready.add(task);
        }
    }

    /** Runs {@code task} (posted to the ready queue) {@code delayNanos} of virtual time from now. */
    Timer schedule(long delayNanos, Runnable task) {
        synchronized (this) {
            long delay = Math.max(0, delayNanos);
            Timer t = new Timer(now + delay, seq++, task);
            Lane lane = lanes.computeIfAbsent(delay, Lane::new);
            lane.timers.addLast(t);
            if (lane.timers.size() == 1) {
                heads.add(lane);
            }
            queued++;
            return t;
        }
    }

    /** Runs {@code task} after {@code delayNanos} of virtual time; what it returns cancels it. */
    public Runnable after(long delayNanos, Runnable task) {
        Timer t = schedule(delayNanos, task);
        return t::cancel;
    }

    /** Runs every ready task, and every timer due, until virtual time {@code until} (nanoseconds) with none left. */
    public void runUntil(long until) {
        while (true) {
            runReady();
            Timer next;
            synchronized (this) {
                next = first();
                while (next != null && next.cancelled) {
                    poll();
                    cancelledQueued--;
                    next = first();
                }
                if (next == null || next.due > until) {
                    now = Math.max(now, until);
                    return;
                }
                now = next.due;
            }
            fireDue();
        }
    }

    /** Runs the ready tasks (and those they post) until none is left, without moving the clock. */
    public void runReady() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("the simulation loop runs on the thread that created it only");
        }
        while (true) {
            Runnable r;
            synchronized (this) {
                r = ready.poll();
                if (r == null) {
                    return;
                }
                tasksRun++;
            }
            r.run();
        }
    }

    private void fireDue() {
        List<Timer> due = new java.util.ArrayList<>();
        synchronized (this) {
            while (first() != null && first().due <= now) {
                Timer t = poll();
                if (t.cancelled) {
                    cancelledQueued--;
                    continue;
                }
                t.cancelled = true; // it runs: a cancel from now on is a no-op
                due.add(t);
            }
        }
        for (Timer t : due) {
            t.task.run();
        }
    }

    /** The earliest timer (cancelled or not), or null. */
    private Timer first() {
        Lane l = heads.peek();
        return l == null ? null : l.timers.peekFirst();
    }

    /** Takes the earliest timer off its lane. */
    private Timer poll() {
        Lane l = heads.poll();
        Timer t = l.timers.pollFirst();
        queued--;
        if (l.timers.isEmpty()) {
            lanes.remove(l.delay);
        } else {
            heads.add(l);
        }
        return t;
    }

    /** Drops the cancelled timers from every lane. */
    private void sweep() {
        heads.clear();
        queued = 0;
        lanes.values().removeIf(l -> {
            l.timers.removeIf(t -> t.cancelled);
            queued += l.timers.size();
            return l.timers.isEmpty();
        });
        heads.addAll(lanes.values());
        cancelledQueued = 0;
    }

    /** The ExecutorService face of the ready queue (shutdown is a no-op: the loop lives as long as its owner). */
    private final class Executor extends AbstractExecutorService {
        @Override
        public void execute(Runnable command) {
            post(command);
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    }
}
