# test: images=images.json
# expect: DKL1501 "Could not inspect base image example.com/private:1 (registry example.com refused access (unauthorized)), so checks that need it were skipped" severity=info
FROM example.com/private:1
RUN true
