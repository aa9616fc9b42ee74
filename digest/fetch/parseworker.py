"""A parse worker process (`parsepool.Parser` runs them): the loop it serves jobs in, the
parent's handle on it, and how it is started.

A job is (function, arguments); the worker answers ("ok", result) or ("error", reason), after
any number of ("more", seconds) the job asks for on its way (`more_time`). The parent holds at
most `parsepool.DEPTH` jobs a worker: the one it runs, and the next, already in the pipe.

The pipe is a socket pair (`Channel`: each message a length, then its pickle, as
multiprocessing's own Pipe sends them), so forking the workers does not import
multiprocessing.connection (with tempfile, shutil and random: ~3.4 ms of CPU before a big
fetch's first request). A forked worker keeps none of the descriptors it inherited but its
end of the pipe and the standard streams (`serve`): a connection the parent closes is closed
(its FIN sent) at once, and a parent killed outright (SIGKILL, the OOM killer) leaves its
workers the end of their pipe, so they end, and with them the run lock they would hold.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import select
import signal
import socket
import struct
import threading
import traceback
from collections.abc import Callable
from typing import Any

from digest.errors import internal_error

_LENGTH = struct.Struct("!Q")
_JOINED = 16 * 1024  # a message up to this long is sent as one piece with its length

# A worker runs this much below its parent's priority (os.nice): on a machine busier than its
# cores, the process that hands the workers their jobs, reads the responses and stores the
# results is not queued behind them (it waited 1.7-1.8 s for a CPU in a 500-feed fetch, while
# the workers, out of jobs, sat idle; 0.8 s at 5).
NICENESS = 5
_asking: list[Callable[[float], None]] = []  # in a worker: how a job asks for more time


def more_time(seconds: float) -> None:
    """In a worker: tell the parent this job needs `seconds` more (inline: nothing to do)."""
    for ask in _asking:
        ask(seconds)


class Channel:
    """One end of a worker's socket pair: whole objects each way, pickled."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def __reduce__(self) -> tuple[type[Channel], tuple[socket.socket]]:
        # (sent to a fork-server worker: multiprocessing passes the socket's descriptor on)
        return Channel, (self.sock,)

    def fileno(self) -> int:
        return self.sock.fileno()

    def send(self, message: object) -> None:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) <= _JOINED:
            self.sock.sendall(_LENGTH.pack(len(data)) + data)
        else:  # (a feed's bytes: not copied once more to put the length in front)
            self.sock.sendall(_LENGTH.pack(len(data)))
            self.sock.sendall(data)

    def recv(self) -> Any:
        """The next message; EOFError once the other end is closed."""
        (size,) = _LENGTH.unpack(self._exactly(_LENGTH.size))
        return pickle.loads(self._exactly(size))

    def _exactly(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view, got = memoryview(buffer), 0
        while got < size:
            count = self.sock.recv_into(view[got:])
            if not count:
                raise EOFError
            got += count
        return buffer

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the end) can be read within `timeout` seconds."""
        watch = select.poll()  # (not select.select: a big run's descriptors pass 1024)
        watch.register(self.sock, select.POLLIN)
        return bool(watch.poll(max(0, int(timeout * 1000))))

    def close(self) -> None:
        self.sock.close()


def channels() -> tuple[Channel, Channel]:
    """The parent's end and the worker's."""
    parent, child = socket.socketpair()
    return Channel(parent), Channel(child)


def serve(conn: Channel, load: Callable[[], object] | None = None,
          forked: bool = False) -> None:
    """A worker's loop: (function, arguments) in, ("ok", result) or ("error", reason) out,
    after any number of ("more", seconds) while the job runs. `load` first (a Finish's), at
    `NICENESS` below the parent's priority. A `forked` worker first closes every descriptor
    it inherited but `conn` and the standard streams (the parent's connections, database,
    run lock, the other workers' pipes)."""
    if forked:
        os.closerange(3, conn.fileno())
        os.closerange(conn.fileno() + 1, os.sysconf("SC_OPEN_MAX"))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    gc.freeze()  # what it inherited lives as long as it does (see workers._worker_start)
    if load is not None:
        with contextlib.suppress(Exception):  # a job that needs what failed fails as it did
            load()
    _asking[:] = [lambda seconds: conn.send(("more", seconds))]
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        function, args = message
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except Exception as exc:
            reply = ("error", (internal_error(exc), traceback.format_exc()))
        try:
            conn.send(reply)
        except Exception as exc:  # an answer that cannot be pickled
            conn.send(("error", (internal_error(exc), traceback.format_exc())))


class Worker:
    """One worker process and the jobs it holds (`DEPTH` at most: the one it runs, and the
    next, already on its way down the pipe)."""

    def __init__(self, context: multiprocessing.context.BaseContext,
                 load: Callable[[], object] | None = None) -> None:
        parent, child = channels()
        forked = context.get_start_method() == "fork"
        self.process = context.Process(target=serve, args=(child, load, forked), daemon=True,  # type: ignore[attr-defined]
                                       name="digest-parse")
        self.process.start()
        child.close()
        self.conn = parent
        self.jobs = 0  # held (counted by the event loop)
        self.lost = False  # stopped or dead: a job still waiting for it goes elsewhere
        self._sending = threading.Lock()  # jobs go down the pipe in the order of their tickets
        self._turn = threading.Condition()
        self._tickets = 0  # jobs sent (or tried)
        self._served = 0  # jobs answered: the worker runs ticket `_served` now

    def call(self, function: Callable[..., Any], args: tuple[Any, ...],
             timeout: float) -> tuple[str, Any]:
        """("ok", result) | ("error", reason) | ("timeout", None) | ("died", exit code) |
        ("retry", None): the worker was lost on a job ahead of this one, which never ran.
        The job has `timeout` seconds from the moment the worker is done with the job ahead
        of it (it starts then: the worker takes its jobs in order), and as many more as it
        asks for on its way. Blocking: runs in a thread, which meanwhile holds the job
        ready in the pipe (or, for a big one, blocked on sending the rest of it, which the
        worker reads as soon as it is free, without waiting for this process)."""
        with self._sending:
            ticket = self._tickets
            self._tickets += 1
            with contextlib.suppress(OSError, ValueError):  # the worker is gone: whose
                self.conn.send((function, args))  # job that was is settled below
        with self._turn:
            while self._served != ticket and not self.lost:
                self._turn.wait()
        if self.lost:
            return "retry", None
        try:
            while True:
                if not self.conn.poll(timeout):
                    answer: tuple[str, Any] = ("timeout", None)
                    break
                outcome, value = self.conn.recv()
                if outcome != "more":
                    answer = (outcome, value)
                    break
                timeout = value
        except (EOFError, OSError):
            self.process.join(1)
            answer = ("died", self.process.exitcode)
        with self._turn:
            if answer[0] in ("ok", "error"):
                self._served += 1
            else:
                self.lost = True
            self._turn.notify_all()
        return answer

    def stop(self, *, kill: bool = False) -> None:
        """An idle worker is told to end (it does at once, and on the pipe's closing anyway)
        and not waited for: multiprocessing reaps it with its next start or at the process's
        end. Waiting for each to be gone was 4-22 ms of a warm fetch's very end (its two
        workers, idle all run, exiting on a busy machine). A busy or stuck one is killed."""
        with self._turn:
            self.lost = True
            self._turn.notify_all()
        if not kill:
            try:
                with self._sending:
                    self.conn.send(None)
            except OSError:
                kill = True
        if kill and self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        # a job still being sent fails now that the worker is gone: the pipe is closed after
        if self._sending.acquire(timeout=5):
            self._sending.release()
        self.conn.close()


def late_context() -> multiprocessing.context.BaseContext:
    """The fork server where there is one (safe with threads and open sockets), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["digest.fetch.parsepool", "digest.fetch.feeds",
                                        "digest.fetch.items", "digest.fetch.loose"])
        return context
    return multiprocessing.get_context("spawn")
