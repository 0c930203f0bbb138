# expect: DKL5003 "Command 'From' should match the case of the command majority (uppercase)"
From scratch as base
FROM scratch AS base2
# expect: DKL5003 "Command 'copy' should match the case of the command majority (uppercase)"
copy Dockerfile /foo
COPY Dockerfile /bar
