"""moto's server with one request handled at a time.

moto's threaded server does not isolate transactions: a cancelled TransactWriteItems restores a copy
of the whole table taken when it began, undoing what other requests wrote meanwhile. DynamoDB makes
every request atomic; handling requests one at a time gives that guarantee back. Connections stay
concurrent (HTTP/1.1 keep-alive), and bodies are read concurrently: only the application call is
serialised.

That copy also took the table's stream with it: after a cancelled transaction, new records went to the
copy's stream while every shard iterator handed out before kept reading the original, which nobody wrote to
again (a reader stalled for good, with nothing said), and the original kept the records of the cancelled
transaction's writes (records of items that never were). The stream is kept out of the copy, and a cancelled
transaction's records are taken back from it, as DynamoDB writes none for it.
"""
import argparse
import io
import signal
import sys
import threading

from werkzeug.serving import run_simple
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.models.table import StreamShard
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app


def keep_streams_through_cancelled_transactions():
    """A table's copy shares its stream (the object iterators read); a cancelled transaction's records are dropped."""
    StreamShard.__deepcopy__ = lambda shard, memo: shard
    transact = DynamoDBBackend.transact_write_items

    def transact_write_items(backend, transact_items):
        lengths = {name: len(table.stream_shard.items) for name, table in backend.tables.items()
                   if table.stream_shard is not None}
        try:
            return transact(backend, transact_items)
        except Exception:
            for name, length in lengths.items():
                table = backend.tables.get(name)
                if table is not None and table.stream_shard is not None:
                    del table.stream_shard.items[length:]
                    table.stream_shard.table = table
            raise

    DynamoDBBackend.transact_write_items = transact_write_items


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()
    keep_streams_through_cancelled_transactions()

    backend = DomainDispatcherApplication(create_backend_app)
    one_at_a_time = threading.Lock()

    def serialised(environ, start_response):
        # The body is read before the lock is taken: a client that stops halfway through sending a
        # request (a thread interrupted mid-call) must hold up its own request only, not every other.
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > 0:
            environ["wsgi.input"] = io.BytesIO(environ["wsgi.input"].read(length))
        with one_at_a_time:
            return list(backend(environ, start_response))

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_simple(args.host, args.port, serialised, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
