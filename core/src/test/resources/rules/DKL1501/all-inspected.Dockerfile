# test: images=images.json
FROM example.com/base:1
FROM scratch
