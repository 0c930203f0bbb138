#!   
echo blank
