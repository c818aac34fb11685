not a real signature
