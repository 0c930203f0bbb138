# expect: DKL5001 "Stage name 'BadStageName' should be lowercase"
FROM scratch AS BadStageName
FROM scratch AS good
