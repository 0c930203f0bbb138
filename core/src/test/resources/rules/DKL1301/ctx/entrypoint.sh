echo "starting"
exec "$@"
