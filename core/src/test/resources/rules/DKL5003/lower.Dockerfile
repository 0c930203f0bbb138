# expect: DKL5003 "Command 'FROM' should match the case of the command majority (lowercase)"
FROM scratch
copy Dockerfile /foo
copy Dockerfile /bar
copy Dockerfile /baz
