// The cmdlet shells live in Commands/, one file per cmdlet; shared base classes in Infrastructure/.
[assembly: System.CLSCompliant(false)]
