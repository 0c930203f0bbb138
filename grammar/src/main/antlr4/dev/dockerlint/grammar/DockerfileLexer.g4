/*
 * The Dockerfile language as BuildKit's Dockerfile frontend accepts it.
 *
 * BuildKit reads a Dockerfile line by line: parser directives at the very top, comment and blank
 * lines between instructions, instructions that continue over several physical lines when a line
 * ends with the escape character, and heredoc bodies after an instruction that opened them. This
 * lexer follows that model with modes:
 *
 *   DIRECTIVES    the top of the file, while lines are parser directives (the lexer starts here)
 *   DEFAULT_MODE  the start of a line between instructions: comments, blank lines, the keyword
 *   FLAGS         after the keyword: blanks and `--name=value` flags, until the arguments start
 *   RAW, RAW_BT   argument text (shell form, key=value pairs, image names, paths ...)
 *   JSON          exec-form arguments: a JSON array of strings
 *   *_LINE_START  the start of a line that continues an instruction (comment and blank lines
 *                 there are skipped, as BuildKit does)
 *   HEREDOC       heredoc bodies, read raw until their terminator line
 *
 * Line continuations, comment lines and blank lines inside a continuation go to hidden channels,
 * so the parser sees one logical instruction while every token keeps its exact source position.
 *
 * DockerfileLexerBase keeps the state a context-free lexer cannot: the escape character (`\`, or
 * the backtick after `# escape=``), which instruction is being lexed (exec form and flags depend on
 * it) and the heredocs a finished instruction opened. Semantic predicates only ever follow a
 * consumed character and stay off the hot paths, so the lexer's DFA cache covers them.
 *
 * The input must end with a newline: DockerfileReader adds one when the file does not.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

channels { COMMENTS, CONTINUATIONS }

tokens {
  HEALTH_TYPE, LBRACK, CONTINUATION, CONTINUATION_COMMENT, EMPTY_CONTINUATION_LINE, HEREDOC_END
}

// ---------------------------------------------------------------------------------------------
// DEFAULT_MODE: the start of a physical line that is not part of an instruction
// ---------------------------------------------------------------------------------------------

COMMENT : BLANK* '#' ~[\n]* -> channel(COMMENTS) ;

NEWLINE : '\r'* '\n' ;

LEADING_BLANK : BLANK+ -> channel(HIDDEN) ;

/** An escape character alone on a line before an instruction continues into the next line. */
LEADING_CONTINUATION : [\\`] {continuationHere()}? [ \t]* '\r'* '\n' -> channel(CONTINUATIONS) ;

FROM        : F R O M                 { startInstruction(FROM); } ;
RUN         : R U N                   { startInstruction(RUN); } ;
CMD         : C M D                   { startInstruction(CMD); } ;
LABEL       : L A B E L               { startInstruction(LABEL); } ;
MAINTAINER  : M A I N T A I N E R     { startInstruction(MAINTAINER); } ;
EXPOSE      : E X P O S E             { startInstruction(EXPOSE); } ;
ENV         : E N V                   { startInstruction(ENV); } ;
ADD         : A D D                   { startInstruction(ADD); } ;
COPY        : C O P Y                 { startInstruction(COPY); } ;
ENTRYPOINT  : E N T R Y P O I N T     { startInstruction(ENTRYPOINT); } ;
VOLUME      : V O L U M E             { startInstruction(VOLUME); } ;
USER        : U S E R                 { startInstruction(USER); } ;
WORKDIR     : W O R K D I R           { startInstruction(WORKDIR); } ;
ARG         : A R G                   { startInstruction(ARG); } ;
ONBUILD     : O N B U I L D           { startInstruction(ONBUILD); } ;
STOPSIGNAL  : S T O P S I G N A L     { startInstruction(STOPSIGNAL); } ;
HEALTHCHECK : H E A L T H C H E C K   { startInstruction(HEALTHCHECK); } ;
SHELL       : S H E L L               { startInstruction(SHELL); } ;

/**
 * Any other first word: BuildKit parses the line and rejects the instruction later. It cannot end
 * with an escape character, so `RUN\` (a keyword, then a line continuation) stays RUN, while a
 * longer word such as `RUNX` or `FROM\x` is an unknown instruction (longest match).
 */
UNKNOWN_INSTRUCTION : ~[ \t\u000B\f\r\n]* ~[ \t\u000B\f\r\n\\`] { startInstruction(UNKNOWN_INSTRUCTION); } ;
UNKNOWN_ESCAPE      : [\\`] { startInstruction(UNKNOWN_INSTRUCTION); } -> type(UNKNOWN_INSTRUCTION) ;

// ---------------------------------------------------------------------------------------------
// DIRECTIVES: the lexer starts here; DockerfileLexerBase leaves it at the first line that is not a
// known parser directive (`# syntax=`, `# escape=`, `# check=`)
// ---------------------------------------------------------------------------------------------
mode DIRECTIVES;

BOM          : '\uFEFF' -> channel(HIDDEN) ;
DIRECTIVE    : BLANK* '#' ~[\n]* { onDirective(); } ;
D_NEWLINE    : '\r'* '\n' -> type(NEWLINE) ;

// ---------------------------------------------------------------------------------------------
// FLAGS: after the keyword; `--flag` words until the first word that is not one
// ---------------------------------------------------------------------------------------------
mode FLAGS;

F_NEWLINE          : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
F_CONTINUATION     : [\\`] {continuationHere()}? [ \t]* '\r'* '\n' { continueLine(FLAGS_LINE_START); } -> channel(CONTINUATIONS), type(CONTINUATION) ;
WS                 : [ \t\u000B\f\r]+ ;

/** A flag word: `--name`, `--name=value`; quotes group blanks, the escape character protects the next one. */
FLAG : '--' FLAG_PART* { onFlag(); } ;

/**
 * The first word after the flags: ONBUILD's instruction, HEALTHCHECK's type (CMD, NONE) or the
 * start of the arguments, decided by DockerfileLexerBase.
 */
ARGS_WORD     : ~[ \t\u000B\f\r\n\\`[] ~[ \t\u000B\f\r\n\\`]* { onArgsWord(); } ;

/** `[`: JSON (exec form) where the instruction has one, else the start of raw arguments. */
ARGS_BRACKET  : '[' { onBracket(); } ;

ARGS_ESCAPED  : [\\`] ({escapePrecedes()}? ~[\n])? { onArgsStart(); } -> type(RAW_TEXT) ;

mode FLAGS_LINE_START;

FL_EMPTY_LINE       : BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
FL_COMMENT          : BLANK* '#' ~[\n]* '\n' -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
FL_CONTINUATION     : [\\`] {continuationHere()}? [ \t]* '\r'* '\n' -> channel(CONTINUATIONS), type(CONTINUATION) ;
/** The rest of a flag word that a line continuation cut. */
FLAG_TEXT           : {inFlagWord()}? FLAG_PART+ { popMode(); } ;
FL_WS               : BLANK+ { popMode(); } -> type(WS) ;
FL_FLAG             : '--' FLAG_PART* { popMode(); onFlag(); } ;
FL_ARGS_WORD        : ~[ \t\u000B\f\r\n\\`[#] ~[ \t\u000B\f\r\n\\`]* { popMode(); onArgsWord(); } ;
FL_ARGS_BRACKET     : '[' { popMode(); onBracket(); } ;
FL_ARGS_ESCAPED     : [\\`] ({escapePrecedes()}? ~[\n])? { popMode(); onArgsStart(); } -> type(RAW_TEXT) ;

// ---------------------------------------------------------------------------------------------
// RAW: argument text up to the end of the logical line. Two copies, one per escape character, so
// that the hot path needs no semantic predicate: RAW for `\`, RAW_BT for the backtick.
// A run of two or more escape characters is text: BuildKit never continues a line whose final
// escape character follows another one (`foo \\` and `foo \\\` end the instruction).
// ---------------------------------------------------------------------------------------------
mode RAW;

R_NEWLINE      : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
R_CONTINUATION : '\\' [ \t]* '\r'* '\n' { continueLine(RAW_LINE_START); } -> channel(CONTINUATIONS), type(CONTINUATION) ;
RAW_TEXT       : ~[\n\r\\]+ ;
R_CR           : '\r'+ -> type(RAW_TEXT) ;
R_ESCAPED      : '\\' ~[\n\\] -> type(RAW_TEXT) ;
R_ESCAPE_RUN   : '\\' '\\'* -> type(RAW_TEXT) ;

mode RAW_LINE_START;

RL_EMPTY_LINE   : BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
RL_COMMENT      : BLANK* '#' ~[\n]* '\n' -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
RL_CONTINUATION : '\\' [ \t]* '\r'* '\n' -> channel(CONTINUATIONS), type(CONTINUATION) ;
RL_BLANK        : BLANK+ -> type(RAW_TEXT), popMode ;
RL_TEXT         : ~[ \t\u000B\f\r\n\\#] ~[\n\r\\]* -> type(RAW_TEXT), popMode ;
RL_ESCAPED      : '\\' ~[\n\\] -> type(RAW_TEXT), popMode ;
RL_ESCAPE_RUN   : '\\' '\\'* -> type(RAW_TEXT), popMode ;

mode RAW_BT;

RB_NEWLINE      : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
RB_CONTINUATION : '`' [ \t]* '\r'* '\n' { continueLine(RAW_BT_LINE_START); } -> channel(CONTINUATIONS), type(CONTINUATION) ;
RB_TEXT         : ~[\n\r`]+ -> type(RAW_TEXT) ;
RB_CR           : '\r'+ -> type(RAW_TEXT) ;
RB_ESCAPED      : '`' ~[\n`] -> type(RAW_TEXT) ;
RB_ESCAPE_RUN   : '`' '`'* -> type(RAW_TEXT) ;

mode RAW_BT_LINE_START;

RBL_EMPTY_LINE   : BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
RBL_COMMENT      : BLANK* '#' ~[\n]* '\n' -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
RBL_CONTINUATION : '`' [ \t]* '\r'* '\n' -> channel(CONTINUATIONS), type(CONTINUATION) ;
RBL_BLANK        : BLANK+ -> type(RAW_TEXT), popMode ;
RBL_TEXT         : ~[ \t\u000B\f\r\n`#] ~[\n\r`]* -> type(RAW_TEXT), popMode ;
RBL_ESCAPED      : '`' ~[\n`] -> type(RAW_TEXT), popMode ;
RBL_ESCAPE_RUN   : '`' '`'* -> type(RAW_TEXT), popMode ;

// ---------------------------------------------------------------------------------------------
// JSON: exec form; the parser falls back to shell form when the text is not a JSON string array
// ---------------------------------------------------------------------------------------------
mode JSON;

J_NEWLINE          : '\r'* '\n' { endInstruction(); } -> type(NEWLINE) ;
J_CONTINUATION     : [\\`] {continuationHere()}? [ \t]* '\r'* '\n' { continueLine(JSON_LINE_START); } -> channel(CONTINUATIONS), type(CONTINUATION) ;
J_WS               : [ \t\u000B\f\r]+ -> type(WS) ;
J_LBRACK           : '[' -> type(LBRACK) ;
RBRACK             : ']' ;
COMMA              : ',' ;
JSON_STRING        : '"' ( '\\' ~[\n] | ~["\\\n] )* '"' ;
JSON_OTHER         : ~[ \t\u000B\f\r\n",[\]\\`]+ ;
J_ESCAPED          : [\\`] ({escapePrecedes()}? ~[\n])? -> type(JSON_OTHER) ;
J_QUOTE            : '"' -> type(JSON_OTHER) ;

mode JSON_LINE_START;

JL_EMPTY_LINE       : BLANK* '\n' -> channel(HIDDEN), type(EMPTY_CONTINUATION_LINE) ;
JL_COMMENT          : BLANK* '#' ~[\n]* '\n' -> channel(COMMENTS), type(CONTINUATION_COMMENT) ;
JL_CONTINUATION     : [\\`] {continuationHere()}? [ \t]* '\r'* '\n' -> channel(CONTINUATIONS), type(CONTINUATION) ;
JL_WS               : BLANK+ -> type(WS), popMode ;
JL_LBRACK           : '[' -> type(LBRACK), popMode ;
JL_RBRACK           : ']' -> type(RBRACK), popMode ;
JL_COMMA            : ',' -> type(COMMA), popMode ;
JL_JSON_STRING      : '"' ( '\\' ~[\n] | ~["\\\n] )* '"' -> type(JSON_STRING), popMode ;
JL_JSON_OTHER       : ~[ \t\u000B\f\r\n",[\]\\`#]  ~[ \t\u000B\f\r\n",[\]\\`]* -> type(JSON_OTHER), popMode ;
JL_ESCAPED          : [\\`] ({escapePrecedes()}? ~[\n])? -> type(JSON_OTHER), popMode ;
JL_QUOTE            : '"' -> type(JSON_OTHER), popMode ;

// ---------------------------------------------------------------------------------------------
// HEREDOC: bodies of the heredocs the last instruction opened, one line per token
// ---------------------------------------------------------------------------------------------
mode HEREDOC;

HEREDOC_LINE : ~[\n]* '\n' { onHeredocLine(); } ;

// ---------------------------------------------------------------------------------------------
// Fragments
// ---------------------------------------------------------------------------------------------

/** Go's unicode.IsSpace without the newline: what BuildKit trims at the start of a line. */
fragment BLANK : [ \t\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;

/** Part of a flag word (BuildKit's flag splitter): quoted text, an escaped character, other text. */
fragment FLAG_PART
  : '"' ( [\\`] {escapedPairHere()}? ~[\n] | [\\`] {!escapePrecedes()}? | ~["\n\\`] )* ('"' | {atLineEnd()}?)
  | '\'' ( [\\`] {escapedPairHere()}? ~[\n] | [\\`] {!escapePrecedes()}? | ~['\n\\`] )* ('\'' | {atLineEnd()}?)
  | [\\`] {escapedPairHere()}? ~[\n]
  | [\\`] {loneEscapeHere()}?
  | ~[ \t\u000B\f\r\n"'\\`]
  ;
fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ; fragment E : [eE] ;
fragment F : [fF] ; fragment H : [hH] ; fragment I : [iI] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ; fragment R : [rR] ;
fragment S : [sS] ; fragment T : [tT] ; fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ;
fragment X : [xX] ; fragment Y : [yY] ; fragment G : [gG] ;
