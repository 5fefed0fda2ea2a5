namespace TranscribePS.Emulator.Transcribe.Content;

/// <summary>One line a generated conversation can use: party 0 = agent/clinician, 1 = customer/patient.</summary>
internal sealed record PoolLine(int Party, string Text, string Sentiment = "NEUTRAL", string? Insight = null);

/// <summary>The lines generated conversations are made of: an opening, middle exchanges drawn in a seeded order, a closing.</summary>
internal sealed record ConversationPool(IReadOnlyList<PoolLine> Opening, IReadOnlyList<IReadOnlyList<PoolLine>> Exchanges, IReadOnlyList<PoolLine> Closing)
{
    public static ConversationPool ClinicVisit { get; } = new(
        Opening:
        [
            new(0, "Good morning {NAME:Mr. Alvarez}, I'm {NAME:Dr. Patel}. What brings you in today?", "POSITIVE"),
            new(1, "Morning, doctor. I've had a cough for about three weeks and it's not getting better.", "NEGATIVE"),
        ],
        Exchanges:
        [
            [
                new(0, "Is the cough dry, or are you bringing anything up?"),
                new(1, "Mostly dry, but in the mornings there's a little clear phlegm."),
            ],
            [
                new(0, "Any fever, chills or night sweats?"),
                new(1, "I had a low fever the first few days, around a hundred, but nothing since.", "MIXED"),
            ],
            [
                new(0, "Can you confirm your date of birth for me?"),
                new(1, "Sure, it's {DATE:March 3rd 1961}."),
            ],
            [
                new(0, "Are you still taking the lisinopril, ten milligrams once a day?"),
                new(1, "Yes, every morning with breakfast. I haven't missed any doses.", "POSITIVE"),
            ],
            [
                new(0, "Do you smoke, or have you ever smoked?"),
                new(1, "I quit about ten years ago. Before that it was half a pack a day."),
            ],
            [
                new(0, "Any shortness of breath when you climb stairs or walk quickly?"),
                new(1, "A little on the stairs at work, which is new for me. It worries me.", "NEGATIVE"),
            ],
            [
                new(0, "Let me listen to your lungs. Take a deep breath in, and out. Again, please."),
                new(1, "Okay."),
                new(0, "I hear some mild wheezing on the left side but no crackles."),
            ],
            [
                new(0, "Has anyone at home been sick recently?"),
                new(1, "My granddaughter had a cold last month, she's fine now."),
            ],
            [
                new(0, "Your blood pressure today is one thirty two over eighty four, which is a little better than last time.", "POSITIVE"),
                new(1, "That's good to hear. I've been cutting back on salt.", "POSITIVE"),
            ],
            [
                new(0, "Any allergies to medications that I should know about?"),
                new(1, "Just penicillin, it gives me a rash."),
            ],
            [
                new(0, "What's the best phone number to reach you with results?"),
                new(1, "My cell, {PHONE:206 555 0143}."),
            ],
        ],
        Closing:
        [
            new(0, "I think this is most likely a post viral cough with some airway irritation. I'd like a chest x-ray to be safe, and I'll prescribe an inhaler to use twice a day.", "NEUTRAL"),
            new(1, "Okay, that sounds reasonable. Thank you, doctor.", "POSITIVE"),
            new(0, "Come back in two weeks if it isn't improving, or sooner if you get a fever or feel more short of breath.", "POSITIVE"),
        ]);

    public static ConversationPool Dictation { get; } = new(
        Opening:
        [
            new(0, "This is {NAME:Dr. Patel} dictating a clinic note for {NAME:Robert Alvarez}, date of birth {DATE:March 3rd 1961}."),
        ],
        Exchanges:
        [
            [new(0, "Chief complaint is a cough of three weeks duration, mostly dry, with scant clear morning sputum.")],
            [new(0, "He reports a low grade fever early in the course, now resolved, without chills or night sweats.")],
            [new(0, "Past medical history is notable for hypertension, controlled on lisinopril ten milligrams daily.")],
            [new(0, "He is a former smoker with roughly ten pack years, quit ten years ago.")],
            [new(0, "On exam he is afebrile, blood pressure one thirty two over eighty four, oxygen saturation ninety seven percent on room air.")],
            [new(0, "Lungs show mild expiratory wheezing on the left without crackles. Heart regular rate and rhythm.")],
            [new(0, "Allergies include penicillin, which causes a rash.")],
        ],
        Closing:
        [
            new(0, "Assessment is post viral cough with reactive airway component. Plan is chest x-ray, albuterol inhaler twice daily, and follow up in two weeks. End of dictation."),
        ]);

    public static ConversationPool SupportCall { get; } = new(
        Opening:
        [
            new(0, "Thank you for calling Northwind Mobile, my name is {NAME:Dana}. How can I help you today?", "POSITIVE"),
            new(1, "Hi, yes, I was charged twice for my bill this month and I need that fixed.", "NEGATIVE", "ISSUE"),
        ],
        Exchanges:
        [
            [
                new(0, "I'm sorry to hear that. Can I have the name on the account, please?"),
                new(1, "It's {NAME:Jordan Miller}."),
            ],
            [
                new(0, "Thank you. And can you verify the last four digits of the card on file?"),
                new(1, "Sure, {CREDIT_DEBIT_NUMBER:4 4 1 2}."),
            ],
            [
                new(0, "I can see two payments of fifty four dollars on the third of this month."),
                new(1, "Right, that's exactly what I'm seeing too. This is the second time this has happened.", "NEGATIVE"),
            ],
            [
                new(0, "I completely understand how frustrating that is. Let me look into why it went through twice.", "MIXED"),
                new(1, "Okay, thanks. I just want to make sure it doesn't happen again."),
            ],
            [
                new(0, "It looks like autopay ran and a manual payment was also submitted on the same day."),
                new(1, "I did not make a manual payment, I'm sure of that.", "NEGATIVE"),
            ],
            [
                new(0, "Can I also confirm the best phone number to reach you?"),
                new(1, "Yes, it's {PHONE:425 555 0199}."),
            ],
            [
                new(0, "Would you like me to send the confirmation to the email on file?"),
                new(1, "Yes please, that's {EMAIL:jordan.m@example.com}."),
            ],
            [
                new(0, "While I have you, I see you're eligible for a loyalty discount of ten percent.", "POSITIVE"),
                new(1, "Oh, that's nice, I didn't know about that.", "POSITIVE"),
            ],
            [
                new(0, "Please bear with me for a moment while I check the payment system."),
                new(1, "Sure, take your time."),
            ],
        ],
        Closing:
        [
            new(0, "I've refunded the duplicate payment of fifty four dollars, it should appear within three to five business days.", "POSITIVE", "OUTCOME"),
            new(1, "Great, thank you so much for your help.", "POSITIVE"),
            new(0, "I'll email you the refund confirmation today. Is there anything else I can help you with?", "POSITIVE", "ACTION_ITEM"),
            new(1, "No, that's everything. Have a good day.", "POSITIVE"),
        ]);
}
