#!/usr/bin/env bash
# Starts what the tests need that a fresh machine may not have running:
# PostgreSQL (integration tests run against it for real), NATS with JetStream
# (the relay-nats tests publish to it for real) and Chromium (the example
# app's browser test).
set -uo pipefail
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "Starting PostgreSQL ..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
  if [ -x /usr/sbin/nats-server ]; then
    echo "Starting NATS (JetStream) ..."
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log ||
      echo "warning: could not start nats-server"
    for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null && break; sleep 1; done
  else
    echo "warning: /usr/sbin/nats-server is missing; the relay-nats tests need NATS with JetStream on 127.0.0.1:4222"
  fi
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser test ..."
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium) >/dev/null 2>&1 ||
      echo "warning: could not install chromium"
  else
    sudo sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium' >/dev/null 2>&1 ||
      echo "warning: could not install chromium (run as root or install it yourself)"
  fi
fi
