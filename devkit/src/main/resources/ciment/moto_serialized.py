"""moto's server with one request handled at a time.

moto's threaded server does not isolate transactions: a cancelled TransactWriteItems restores a copy
of the whole table taken when it began, undoing what other requests wrote meanwhile. DynamoDB makes
every request atomic; handling requests one at a time gives that guarantee back. Connections stay
concurrent (HTTP/1.1 keep-alive): only the application call is serialised.
"""
import argparse
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
        with one_at_a_time:
            return list(backend(environ, start_response))

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    run_simple(args.host, args.port, serialised, threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
