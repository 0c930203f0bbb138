FROM alpine:3.20
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
# expect: DKL1001 "the ENTRYPOINT on line 2 receives '/bin/sh -c ...' as its arguments"
CMD postgres -c config_file=/etc/postgresql.conf
