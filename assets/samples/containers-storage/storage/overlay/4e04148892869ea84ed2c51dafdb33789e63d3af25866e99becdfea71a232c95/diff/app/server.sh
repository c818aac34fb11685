#!/bin/sh
set -eu
/usr/bin/greet "${APP_NAME:-sample}"
echo "listening on port ${APP_PORT}"
exec sleep infinity
