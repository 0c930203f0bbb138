# without an image source (the default), nothing is reported
FROM example.com/private:1
