# expect: DKL5002 "'as' and 'FROM' keywords' casing do not match"
FROM scratch as base2
# expect: DKL5002 "'AS' and 'from' keywords' casing do not match"
from scratch AS base
FROM scratch AS base3
from scratch as base4
# mixed-case FROM: reported as inconsistent instruction casing instead
From scratch as base5
