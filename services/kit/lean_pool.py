"""The lean path's database connections: a few asyncpg connections handed out for one statement each.

Why not asyncpg.Pool: measured on the development machine, its acquire and release (a timeout context, a shielded
release task, the reset) cost about 60 µs of CPU per use, more than running the statement on a held connection
(about 35 µs), and a quarter of a whole lean read. The lean path only ever runs one read-only statement outside a
transaction per use, so it needs none of that: a free list, a queue of waiters, and a connection that failed in
any way is closed and replaced rather than repaired.
"""
import asyncio
from collections import deque
from typing import Any

import asyncpg


class LeanConnections:
    """Up to `size` connections to one database, opened on first need, each used by one statement at a time."""

    def __init__(self, dsn: str, size: int, server_settings: dict[str, str]) -> None:
        self.dsn, self.size, self.server_settings = dsn, size, server_settings
        self.free: list[asyncpg.Connection] = []
        self.opened = 0  # connections open or being opened
        self.waiters: deque[asyncio.Future[asyncpg.Connection | None]] = deque()
        self.closed = False

    async def fetchrow(self, query: str, *args: Any) -> asyncpg.Record | None:
        """One row of a statement (prepared once per connection by asyncpg's statement cache)."""
        connection = await self._acquire()
        try:
            row = await connection.fetchrow(query, *args)
        except BaseException:
            self._discard(connection)  # a failed, cancelled or lost connection is never reused
            raise
        self._release(connection)
        return row

    async def fetchval(self, query: str, *args: Any) -> Any:
        """The first column of a statement's one row."""
        row = await self.fetchrow(query, *args)
        return None if row is None else row[0]

    async def _acquire(self) -> asyncpg.Connection:
        while True:
            while self.free:
                connection = self.free.pop()
                if not connection.is_closed():  # the server may have closed it while it was idle
                    return connection
                self.opened -= 1
            if self.opened < self.size:
                self.opened += 1
                try:
                    return await asyncpg.connect(self.dsn, server_settings=self.server_settings)
                except BaseException:
                    self.opened -= 1
                    self._wake(None)
                    raise
            waiter = asyncio.get_running_loop().create_future()
            self.waiters.append(waiter)
            try:
                handed = await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled() and waiter.result() is not None:
                    self._release(waiter.result())  # handed over just as we were cancelled: pass it on
                elif waiter in self.waiters:
                    self.waiters.remove(waiter)
                raise
            if handed is not None:
                return handed
            # None: a connection was dropped, so there is room to open one; go round again.

    def _wake(self, connection: asyncpg.Connection | None) -> bool:
        """Hand a connection (or None: room to open one) to the oldest waiter; False when none waits."""
        while self.waiters:
            waiter = self.waiters.popleft()
            if not waiter.done():
                waiter.set_result(connection)
                return True
        return False

    def _release(self, connection: asyncpg.Connection) -> None:
        if self.closed:
            self._discard(connection)
        elif not self._wake(connection):
            self.free.append(connection)

    def _discard(self, connection: asyncpg.Connection) -> None:
        connection.terminate()
        self.opened -= 1
        self._wake(None)

    async def close(self) -> None:
        """Close the idle connections now and every other one when it comes back."""
        self.closed = True
        idle, self.free = self.free, []
        self.opened -= len(idle)
        await asyncio.gather(*(c.close() for c in idle), return_exceptions=True)
