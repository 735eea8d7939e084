"""moto's server with one request handled at a time.

moto's threaded server does not isolate transactions: a cancelled TransactWriteItems restores a copy
of the whole table taken when it began, undoing what other requests wrote meanwhile. DynamoDB makes
every request atomic; handling requests one at a time gives that guarantee back. Connections stay
concurrent (HTTP/1.1 keep-alive), and bodies are read concurrently: only the application call is
serialised.
"""
import argparse
import io
import signal
import sys
import threading

from werkzeug.serving import run_simple
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, required=True)
    args = parser.parse_args()

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
